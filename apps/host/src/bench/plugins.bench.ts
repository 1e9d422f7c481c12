import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@kongjian/testing';
import { AccountsService } from '../accounts/accounts.service';
import { AuthorizationsService } from '../apps/authorizations.service';
import { DEFAULT_PLUGINS_DIR, loadConfig } from '../config/config';
import { DatabaseService } from '../database/database.module';
import { createHost } from '../host';
import { PluginBridge } from '../plugins/plugin-bridge';
import { PluginsService } from '../plugins/plugins.service';
import { processUsage } from '../plugins/process-usage';
import { positiveInteger, runLoad } from './load';

/**
 * `npm run bench:plugins -w apps/host`: a plugin route beside a native route doing the same work (one
 * Open API call over HTTP with the plugin's token for the user), the bridge round trip, and the memory
 * of the host and its plugin workers with the built-in plugins idle and after 10,000 calls. Prints
 * figures; asserts nothing about time. DATABASE_URL picks PostgreSQL, else embedded PGlite.
 */

const FIXTURES_DIR = path.resolve(__dirname, '../../src/plugins/fixtures');
const ADMIN = { username: 'bench_admin', password: 'bench admin password' };
const CONNECTIONS = 10;
const DURATION_SECONDS = positiveInteger('BENCH_DURATION', 10);
const SEQUENTIAL_CALLS = 500;
const MEMORY_CALLS = positiveInteger('BENCH_MEMORY_CALLS', 10_000);
/** Batches of MEMORY_CALLS: the isolates' heaps are collected lazily, so one batch alone says little. */
const MEMORY_BATCHES = 4;

interface WorkerPid {
  plugin: string;
  pid: number;
}

/** The bench host's answer to `heap`: its heap after a full collection and its plugins' current workers. */
interface MemoryAnswer {
  heapMb: number;
  externalMb: number;
  workers: WorkerPid[];
}

/** The bench host: the real host plus, in the same process, a native route doing what the echo plugin's GET /me does. */
async function serve(): Promise<void> {
  const config = loadConfig();
  const app = await createHost(config, { logger: { level: 'warn' } });
  await app.listen(config.port, '127.0.0.1');
  const database = app.get(DatabaseService);
  const appId = app.get(PluginsService).get('echo').appId;
  const native = http.createServer((request, response) => {
    void (async () => {
      const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
      const viewer = await database.withContext(() => app.get(AccountsService).authenticate(token));
      if (!viewer) return response.writeHead(401).end();
      const access = await database.withContext(() =>
        app.get(AuthorizationsService).active(appId, viewer.id),
      );
      if (!access) return response.writeHead(403).end();
      const me = await app
        .get(PluginBridge)
        .request(appId, viewer.id, { method: 'GET', path: '/open/v1/me' }, 5000);
      if (!me.ok) return response.writeHead(502).end(me.error);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(me.body));
    })();
  });
  // Asked each time: the supervisor replaces a worker that grew while idle, and stops none for good.
  const workers = (): WorkerPid[] => {
    const plugins = app.get(PluginsService);
    return plugins.list().flatMap(({ plugin }) => {
      const id = plugin.package.manifest.id;
      return plugins.workerPids(id).map((pid) => ({ plugin: id, pid }));
    });
  };
  // The bench asks for the heap after a full collection: RSS alone keeps what V8 once grew to.
  process.on('message', (message) => {
    if (message !== 'heap') return;
    global.gc?.();
    const usage = process.memoryUsage();
    const answer: MemoryAnswer = {
      heapMb: usage.heapUsed / 1024 / 1024,
      externalMb: usage.external / 1024 / 1024,
      workers: workers(),
    };
    process.send?.(answer);
  });
  native.listen(Number(process.env.NATIVE_PORT), '127.0.0.1', () => {
    process.send?.({ ready: (native.address() as AddressInfo).port });
  });
}

function rssMb(pid: number): number {
  return processUsage(pid)?.rssMb ?? 0;
}

async function json<T>(url: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

async function main(): Promise<void> {
  // Echo (the bench fixture) beside the built-in plugins, in one plugins folder of links.
  const pluginsDir = mkdtempSync(path.join(os.tmpdir(), 'kongjian-bench-plugins-'));
  symlinkSync(path.join(FIXTURES_DIR, 'echo'), path.join(pluginsDir, 'echo'));
  // shared/ too: the bundler resolves a plugin's imports only in its folder and the plugins folder's shared/.
  const folders = readdirSync(DEFAULT_PLUGINS_DIR, { withFileTypes: true }).filter((entry) =>
    entry.isDirectory(),
  );
  for (const { name } of folders)
    symlinkSync(path.join(DEFAULT_PLUGINS_DIR, name), path.join(pluginsDir, name));

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kongjian-bench-data-'));
  const [port, nativePort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = fork(__filename, ['--serve'], {
    execArgv: ['--expose-gc'],
    env: {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL ?? '',
      KONGJIAN_DATA_DIR: dataDir,
      PORT: String(port),
      NATIVE_PORT: String(nativePort),
      KONGJIAN_PUBLIC_URL: baseUrl,
      KONGJIAN_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      KONGJIAN_ADMIN: `${ADMIN.username}:${ADMIN.password}`,
      KONGJIAN_PLUGINS_DIR: pluginsDir,
      KONGJIAN_OPEN_API_RATE_LIMITS: 'token=100000000,app=100000000,window=60',
    },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`the bench host exited with code ${code}`)));
    });
    const memory = async (label: string) => {
      child.send('heap');
      const { heapMb, externalMb, workers } = await new Promise<MemoryAnswer>((resolve) =>
        child.once('message', (message) => resolve(message as MemoryAnswer)),
      );
      const workerMb = workers.map(({ plugin, pid }) => ({ plugin, mb: rssMb(pid) }));
      const total = workerMb.reduce((sum, { mb }) => sum + mb, 0);
      console.log(
        `${label}: host heap after GC ${heapMb.toFixed(1)} MB (+ ${externalMb.toFixed(1)} MB external), host RSS ${rssMb(child.pid!).toFixed(1)} MB, ` +
          `workers RSS ${workerMb.map(({ plugin, mb }) => `${plugin} ${mb.toFixed(1)}`).join(' + ')} = ${total.toFixed(1)} MB`,
      );
    };

    const user = await json<{ token: string }>(`${baseUrl}/accounts`, {
      method: 'POST',
      body: JSON.stringify({ username: 'bench_user', password: 'bench user password' }),
    });
    const admin = await json<{ token: string }>(`${baseUrl}/sessions`, {
      method: 'POST',
      body: JSON.stringify(ADMIN),
    });
    const { items: plugins } = await json<{ items: { id: string; appId: string }[] }>(
      `${baseUrl}/admin/plugins`,
      {
        token: admin.token,
      },
    );
    for (const plugin of plugins) {
      await json(`${baseUrl}/app-center/apps/${plugin.appId}/install`, {
        method: 'POST',
        token: user.token,
        body: JSON.stringify({}),
      });
    }
    await memory(`idle with ${plugins.map((plugin) => plugin.id).join(', ')}`);

    const headers = { authorization: `Bearer ${user.token}` };
    const options = { connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, warmupSeconds: 2 };
    const viaPlugin = await runLoad('plugin route', {
      ...options,
      baseUrl,
      requests: [{ path: '/apps/echo/api/me', headers }],
    });
    const native = await runLoad('native route', {
      ...options,
      baseUrl: `http://127.0.0.1:${nativePort}`,
      requests: [{ path: '/native/me', headers }],
    });
    console.log(
      `GET /open/v1/me through a route, ${CONNECTIONS} connections, ${DURATION_SECONDS} s:\n` +
        `  plugin: ${viaPlugin.requestsPerSecond.toFixed(0)} req/s, p99 ${viaPlugin.exactP99Ms.toFixed(1)} ms\n` +
        `  native: ${native.requestsPerSecond.toFixed(0)} req/s, p99 ${native.exactP99Ms.toFixed(1)} ms\n` +
        `  ratio plugin/native: ${(viaPlugin.requestsPerSecond / native.requestsPerSecond).toFixed(2)} (target ≥ 0.5)`,
    );

    const sequential = async (route: string): Promise<number> => {
      const times: number[] = [];
      for (let call = 0; call < SEQUENTIAL_CALLS; call += 1) {
        const started = performance.now();
        await json(`${baseUrl}${route}`, { token: user.token });
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
    };
    const withoutBridge = await sequential('/apps/echo/api/hello');
    const withBridge = await sequential('/apps/echo/api/me');
    console.log(
      `one call at a time, p50: a route with no Open API call ${withoutBridge.toFixed(2)} ms, ` +
        `with one ctx.api.request ${withBridge.toFixed(2)} ms (bridge round trip ≈ ${(withBridge - withoutBridge).toFixed(2)} ms)`,
    );

    // 10,000 calls spread over every parameterless GET route of the plugins (built-ins included).
    const routes = plugins.flatMap((plugin) => {
      const manifest = JSON.parse(readFileSync(path.join(pluginsDir, plugin.id, 'manifest.json'), 'utf8'));
      return (manifest.routes as string[])
        .filter((route) => route.startsWith('GET /') && !route.includes(':'))
        .map((route) => `/apps/${plugin.id}/api${route.slice('GET '.length)}`);
    });
    const calls = async (): Promise<void> => {
      const statuses = new Map<number, number>();
      let next = 0;
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (next < MEMORY_CALLS) {
            const route = routes[next++ % routes.length];
            const response = await fetch(`${baseUrl}${route}`, { headers });
            await response.arrayBuffer();
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          }
        }),
      );
      console.log(
        `${MEMORY_CALLS} calls over ${routes.length} routes; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
      );
    };
    // Growth is judged from warm (after the load runs) to after each batch: a leak grows every batch.
    await memory('warm, after the load runs');
    for (let batch = 1; batch <= MEMORY_BATCHES; batch += 1) {
      await calls();
      await memory(`after ${batch * MEMORY_CALLS} calls`);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(pluginsDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--serve')) void serve();
else
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
