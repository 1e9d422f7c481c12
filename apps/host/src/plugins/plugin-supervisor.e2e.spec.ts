import { Logger } from '@nestjs/common';
import { LIMITS } from '../common/limits';
import { bundlePlugin } from './plugin-bundle';
import { loadPluginPackages } from './plugin-manifest';
import type { CallOutcome } from './plugin-protocol';
import { PluginSupervisor } from './plugin-supervisor';
import { sandboxLimits } from './plugin-launch';
import { FIXTURE_PLUGINS_DIR } from './plugins.testing';

/** Short, so a call waiting for a worker gives up soon (the supervisor's watchdog adds a second). */
const CALL_TIMEOUT_MS = 300;

/** What the supervisor tells the host, and what it counts against a plugin, with no host around it. */
describe('the plugin supervisor', () => {
  let supervisor: PluginSupervisor<null>;
  const faults: string[] = [];

  // Quiet: the supervisor logs each worker it restarts.
  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(async () => {
    faults.length = 0;
    supervisor = new PluginSupervisor<null>({
      plugins: await Promise.all(loadPluginPackages(FIXTURE_PLUGINS_DIR, ['hostile']).map(bundlePlugin)),
      workersPerPlugin: 1,
      limits: sandboxLimits(CALL_TIMEOUT_MS),
      processMemoryMb: LIMITS.pluginProcessMemoryMb,
      bridge: async () => ({ ok: true, status: 200, headers: {}, body: null }),
      log: () => undefined,
      fault: (_pluginId, reason) => faults.push(reason),
    });
    await supervisor.start();
  });

  afterEach(() => supervisor.stop());

  const call = (route: string): Promise<CallOutcome> =>
    supervisor.call(
      'hostile',
      'route',
      route,
      { method: 'GET', path: route.slice(4), params: {}, query: {}, body: null },
      { openid: 'openid', now: Date.now() },
      null,
    );

  /** Waits until `done` holds. */
  async function until(done: () => boolean): Promise<void> {
    while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  /** Kills the plugin's worker and waits until the supervisor knows it is gone. */
  async function killWorker(): Promise<void> {
    const [pid] = supervisor.workerPids('hostile');
    process.kill(pid, 'SIGKILL');
    await until(() => !supervisor.workerPids('hostile').includes(pid));
  }

  it('tells a call that waited in vain for a restarting worker to come back, and counts nothing against the plugin', async () => {
    // A worker that keeps dying is restarted later each time: 100, 200, 400, 800, then 1,600 ms, longer than a
    // call may wait for one.
    for (let kill = 0; kill < 4; kill += 1) {
      await killWorker();
      await until(() => supervisor.workerPids('hostile').length === 1);
    }
    await killWorker();
    expect(await call('GET /ok')).toEqual({
      kind: 'unavailable',
      reason: `was busy: no plugin worker was available within ${CALL_TIMEOUT_MS + 1000} ms`,
      retryAfterSeconds: LIMITS.pluginRetryAfterSeconds,
    });
    expect(faults).toEqual([]);
  });

  it('keeps a worker serving through a Ctrl-C or SIGTERM sent to the whole process group, until the host stops it', async () => {
    const [pid] = supervisor.workerPids('hostile');
    process.kill(pid, 'SIGINT');
    process.kill(pid, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(supervisor.workerPids('hostile')).toEqual([pid]);
    expect((await call('GET /ok')).kind).toBe('value');
    await supervisor.stop();
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('does not blame a plugin for calls in flight when the host shuts down', async () => {
    const inFlight = call('GET /never');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await supervisor.stop();
    expect(await inFlight).toEqual({
      kind: 'unavailable',
      reason: 'was interrupted: the host is shutting down',
      retryAfterSeconds: LIMITS.pluginRetryAfterSeconds,
    });
    expect(faults).toEqual([]);
  });
});
