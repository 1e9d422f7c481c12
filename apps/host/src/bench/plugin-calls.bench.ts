import path from 'node:path';
import { DEFAULT_PLUGINS_DIR } from '../config/config';
import { LIMITS } from '../common/limits';
import { bundlePlugin } from '../plugins/plugin-bundle';
import { loadPluginPackages } from '../plugins/plugin-manifest';
import { PluginSupervisor } from '../plugins/plugin-supervisor';
import { processUsage } from '../plugins/process-usage';
import { sandboxLimits } from '../plugins/plugin-launch';

/**
 * `npm run bench:plugin-calls -w apps/host`: the cost of one plugin call in the runtime alone — the
 * supervisor, one worker process and its isolates, no HTTP and no database — one call at a time, for a
 * tiny bundle (the `echo` fixture) and the largest built-in (farm). Its Open API requests get a canned
 * answer. Run it before and after a change to the runtime: the difference is what the change costs a call.
 * Besides wall time it prints the CPU time the worker process spent per call, which a busy machine
 * disturbs less.
 */

const FIXTURES_DIR = path.resolve(__dirname, '../../src/plugins/fixtures');
const WARMUP_CALLS = 300;
const CALLS = 3000;
/** User + system CPU time of a process so far, in µs. */
function cpuMicros(pid: number): number {
  return (processUsage(pid)?.cpuMs ?? Number.NaN) * 1000;
}

async function main(): Promise<void> {
  const packages = [
    ...loadPluginPackages(FIXTURES_DIR, ['echo']),
    ...loadPluginPackages(DEFAULT_PLUGINS_DIR, ['farm']),
  ];
  const supervisor = new PluginSupervisor<null>({
    plugins: await Promise.all(packages.map(bundlePlugin)),
    workersPerPlugin: 1,
    limits: sandboxLimits(LIMITS.pluginCallTimeoutMs),
    processMemoryMb: LIMITS.pluginProcessMemoryMb,
    bridge: async () => ({ ok: true, status: 200, headers: {}, body: { value: null, openid: 'o' } }),
    log: () => undefined,
    fault: (pluginId, reason) => console.error(`${pluginId} ended: ${reason}`),
  });
  await supervisor.start();
  const context = { openid: 'bench-openid', now: Date.now() };
  const cases = [
    { plugin: 'echo', route: 'GET /hello', label: 'echo GET /hello (no Open API call)' },
    { plugin: 'echo', route: 'GET /me', label: 'echo GET /me (one Open API call)' },
    { plugin: 'farm', route: 'GET /shop', label: 'farm GET /shop (the largest bundle)' },
  ];
  for (const { plugin, route, label } of cases) {
    const input = { method: 'GET', path: route.slice(4), params: {}, query: {}, body: null };
    const once = async () => {
      const outcome = await supervisor.call(plugin, 'route', route, input, context, null);
      if (outcome.kind !== 'value') throw new Error(`${label}: ${JSON.stringify(outcome)}`);
    };
    for (let i = 0; i < WARMUP_CALLS; i += 1) await once();
    const [worker] = supervisor.workerPids(plugin);
    const cpuBefore = cpuMicros(worker);
    const started = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i += 1) await once();
    const wall = Number(process.hrtime.bigint() - started) / 1000 / CALLS;
    const cpu = (cpuMicros(worker) - cpuBefore) / CALLS;
    console.log(`${label}: ${wall.toFixed(0)} µs a call, worker CPU ${cpu.toFixed(0)} µs a call`);
  }
  await supervisor.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
