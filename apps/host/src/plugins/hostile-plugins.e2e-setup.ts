import { AuthorizationsService } from '../apps/authorizations.service';
import { LIMITS } from '../common/limits';
import { OpenApiKit } from '../open-api/open-api.testing';
import { expectProblem } from '../testing/expect-problem';
import type { TestUser } from '../testing/factory';
import type { ApiResponse } from '../testing/test-host';
import { PluginBridge } from './plugin-bridge';
import { FIXTURE_PLUGINS_DIR, PluginTestKit } from './plugins.testing';
import { processUsage } from './process-usage';

/*
 * What the hostile plugin specs share: a host running the echo and hostile fixtures, the users who call them,
 * and the checks that an attack stayed contained. Every file runs on its own (the host's test target runs
 * them one at a time after the rest): the attacks need the plugin workers' CPU within a call's time.
 */

/**
 * Shorter than the production watchdog, so never-settling calls end quickly here; long enough for the
 * attacks that need CPU (a flood, Intl objects up to the memory ceiling) in a niced worker on a busy machine.
 */
export const CALL_TIMEOUT_MS = 3000;
export const TIMED_OUT = /timed out: did not finish within 3000 ms/;
/**
 * For attacks that need real work to reach the end they prove (a crash, a process filled to its ceiling): a
 * niced worker on a busy machine may take many times the second it takes on a quiet one, and these tests must
 * see that end, not the call's timeout.
 */
export const LONG_CALL_TIMEOUT_MS = 20_000;
/**
 * Lower than production's ceiling, so an attack reaches it quickly; still above what a worker holds with its
 * isolate at its own limit (the memory bomb).
 */
export const PROCESS_MEMORY_MB = 192;
export const MB = 1024 * 1024;

// The host the tests attack, its two users, and an Open API token of a third-party app.
export let kit: PluginTestKit;
export let alice: TestUser;
export let bob: TestUser;
let openApiToken: string;
/** The largest worker's memory once the plugins have loaded and served a first call, before any attack. */
let baselineRss = 0;
const hosts: PluginTestKit[] = [];

/** Starts a host with the echo and hostile plugins, two workers each, and points the tests at it. */
async function startHost(callTimeoutMs: number): Promise<void> {
  kit = await PluginTestKit.start({
    pluginsDir: FIXTURE_PLUGINS_DIR,
    plugins: ['echo', 'hostile'],
    workersPerPlugin: 2,
    callTimeoutMs,
    processMemoryMb: PROCESS_MEMORY_MB,
  });
  hosts.push(kit);
  alice = await kit.factory.newUser('alice');
  await kit.installFor(alice, 'echo');
  await kit.installFor(alice, 'hostile');
  bob = await kit.factory.newUser('bob');
  await kit.installFor(bob, 'echo');
  await kit.installFor(bob, 'hostile');
  const openApi = new OpenApiKit(kit.host, kit.factory);
  openApiToken = await openApi.token(alice, await openApi.approvedApp());
  await kit.call(alice, 'GET', '/apps/hostile/api/ok');
  await kit.call(bob, 'GET', '/apps/echo/api/hello');
  baselineRss = Math.max(...eachWorkerRss());
}

/**
 * Starts the file's host before its tests, and closes it (and any other) after. After every attack the
 * plugins' workers are all up again, each back within 50 MB of the baseline (a worker that grew is replaced
 * once idle, which takes a moment).
 */
export function useHostileHost(): void {
  beforeAll(() => startHost(CALL_TIMEOUT_MS));
  afterAll(() => Promise.all(hosts.map((host) => host.close())));

  afterEach(async () => {
    const recovered = () =>
      kit.workerPids('hostile').length === 2 &&
      kit.workerPids('echo').length === 2 &&
      eachWorkerRss().every((rss) => rss - baselineRss < 50 * MB);
    await until(recovered, 10_000);
    expect(kit.workerPids()).toHaveLength(4);
    for (const rss of eachWorkerRss()) expect(rss - baselineRss).toBeLessThan(50 * MB);
  });
}

/** Points the tests of the current `describe` at a host of its own whose calls may take LONG_CALL_TIMEOUT_MS, and back after. */
export function useLongCallHost(): void {
  let quick: [PluginTestKit, TestUser, TestUser, string, number];
  beforeAll(async () => {
    quick = [kit, alice, bob, openApiToken, baselineRss];
    await startHost(LONG_CALL_TIMEOUT_MS);
  });
  afterAll(() => {
    [kit, alice, bob, openApiToken, baselineRss] = quick;
  });
}

/**
 * Starts the hostile call and checks that the host serves others meanwhile: health within a second,
 * the Open API, another plugin for another user; once the bad call has ended, both plugins answer
 * again. Returns the bad call's response.
 */
export async function whileAttacking(path: string, stillRunning = false): Promise<ApiResponse> {
  let settled = false;
  const bad = kit.call(alice, 'GET', `/apps/hostile/api${path}`).finally(() => (settled = true));
  try {
    await othersAnswer();
    if (stillRunning) expect(settled).toBe(false);
  } finally {
    // A check that failed leaves no attack running into the next test.
    await bad;
  }
  const response = await bad;
  await attackerRecovers();
  return response;
}

/** Health within a second, the Open API, and another plugin for another user. */
export async function othersAnswer(): Promise<void> {
  const started = Date.now();
  const [live, me, echo] = await Promise.all([
    kit.host.get('/health/live').then((response) => ({ response, ms: Date.now() - started })),
    kit.host.get('/open/v1/me', { token: openApiToken }),
    kit.call(bob, 'GET', '/apps/echo/api/hello'),
  ]);
  expect([live.response.status, me.status, echo.status]).toEqual([200, 200, 200]);
  expect(live.ms).toBeLessThan(1000);
}

/** The attacker's next well-behaved call works, and so does the other plugin. */
export async function attackerRecovers(): Promise<void> {
  expect((await kit.call(alice, 'GET', '/apps/hostile/api/ok')).body).toEqual({ ok: true });
  expect((await kit.call(alice, 'GET', '/apps/echo/api/me')).status).toBe(200);
}

/** An attack that must end in a clear 502 whose detail matches `error`. */
export async function expectContained(
  path: string,
  error: RegExp,
  stillRunning = false,
): Promise<ApiResponse> {
  const response = await whileAttacking(path, stillRunning);
  expectProblem(response, 502, 'plugin_failed');
  expect(response.body.detail).toMatch(error);
  return response;
}

/**
 * Watches the hostile plugin's Open API requests at the host: how many arrived, the most at a time, and for
 * whom. With `hold` (every request, or those to one path) none of them is answered until `open()`, so a test
 * knows which calls have begun and in what order; `release()` opens and stops watching.
 */
export function watchOpenApi(hold: boolean | string) {
  const bridge = kit.host.app.get(PluginBridge);
  const request = bridge.request.bind(bridge);
  let open = () => undefined as void;
  const gate = hold ? new Promise<void>((resolve) => (open = resolve)) : Promise.resolve();
  const seen = { arrived: 0, inFlight: 0, mostAtOnce: 0, paths: [] as string[], users: [] as unknown[] };
  const hostileApp = kit.appId('hostile');
  const spy = jest.spyOn(bridge, 'request').mockImplementation(async (...args) => {
    if (args[0] !== hostileApp) return request(...args);
    seen.arrived += 1;
    seen.paths.push(args[2].path);
    seen.users.push(args[1]);
    seen.inFlight += 1;
    seen.mostAtOnce = Math.max(seen.mostAtOnce, seen.inFlight);
    try {
      if (hold === true || hold === args[2].path) await gate;
      return await request(...args);
    } finally {
      seen.inFlight -= 1;
    }
  });
  return {
    seen,
    arrived: async (count: number) => {
      await until(() => seen.arrived >= count, 10_000);
      expect(seen.arrived).toBeGreaterThanOrEqual(count);
    },
    open: () => open(),
    release: () => {
      open();
      spy.mockRestore();
    },
  };
}

/**
 * Holds the hostile plugin's route calls at the host, once their user's access is checked, until `count` have
 * come; then all go on together, so they reach the workers at once however slowly each came over HTTP.
 */
export function gatherCalls(count: number) {
  const authorizations = kit.host.app.get(AuthorizationsService);
  const active = authorizations.active.bind(authorizations);
  const hostileApp = kit.appId('hostile');
  let arrived = 0;
  let open = () => undefined as void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const spy = jest.spyOn(authorizations, 'active').mockImplementation(async (...args) => {
    const access = await active(...args);
    if (args[0] !== hostileApp) return access;
    arrived += 1;
    if (arrived === count) open();
    await gate;
    return access;
  });
  return { restore: () => spy.mockRestore() };
}

/** Resident memory of each worker (of one plugin, or of all), in bytes; 0 for one that has just exited. */
export function eachWorkerRss(pluginId?: string): number[] {
  return kit.workerPids(pluginId).map((pid) => (processUsage(pid)?.rssMb ?? 0) * MB);
}

/** Resident memory of all plugin workers, in bytes. */
export function workersRss(): number {
  return eachWorkerRss().reduce((sum, rss) => sum + rss, 0);
}

/** Waits until `done` holds, for at most `ms`. */
export async function until(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Reads until `done` holds of what was read, for at most `ms`; the last value read. */
export async function readUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms: number,
): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = await read();
  }
  return value;
}

/**
 * Runs the attack at `path` beside six well-behaved calls of the plugin on its worker (six more wait on the
 * other): its fault must count once against the plugin (`fault`), each of the seven answer 503 with
 * Retry-After ("was interrupted: <interruption>"), the six elsewhere 200, and the plugin's next call 200.
 */
export async function expectCountedOnce(path: string, interruption: string, fault: string): Promise<void> {
  expect((await kit.call(alice, 'GET', '/apps/hostile/api/ok')).status).toBe(200);
  expect((await hostileHealth()).consecutiveFailures).toBe(0);
  // Twelve calls, six on each worker, wait for their first Open API answer; the attack (whose own request
  // passes) joins six of them.
  const openApi = watchOpenApi('/open/v1/me');
  let settled = 0;
  const innocent = Array.from({ length: 12 }, (_, i) =>
    kit.call(i % 2 ? alice : bob, 'GET', '/apps/hostile/api/chatty').finally(() => (settled += 1)),
  );
  const detail = `Hostile was interrupted: ${interruption}; try again in ${LIMITS.pluginRetryAfterSeconds} s`;
  try {
    await openApi.arrived(12);
    const attack = await kit.call(alice, 'GET', `/apps/hostile/api${path}`);
    expectProblem(attack, 503, 'plugin_unavailable');
    expect(attack.body.detail).toBe(detail);
    await until(() => settled === 6, 5000);
    expect(settled).toBe(6);
    // Counted once, on its own (no success can come between: the other six still wait).
    const health = await readUntil(hostileHealth, (read) => read.consecutiveFailures > 0, 5000);
    expect({ count: health.consecutiveFailures, lastError: health.lastError }).toEqual({
      count: 1,
      lastError: fault,
    });
  } finally {
    openApi.release();
  }
  const answers = await Promise.all(innocent);
  const statuses = answers.map((response) => response.status).sort();
  expect(statuses).toEqual([...Array(6).fill(200), ...Array(6).fill(503)]);
  for (const response of answers.filter((answer) => answer.status === 503)) {
    expect(response.body.detail).toBe(detail);
    expect(response.headers['retry-after']).toBe(String(LIMITS.pluginRetryAfterSeconds));
  }
  await until(() => kit.workerPids('hostile').length === 2, 10_000);
  expect((await kit.call(alice, 'GET', '/apps/hostile/api/ok')).body).toEqual({ ok: true });
  expect((await hostileHealth()).status).toBe('enabled');
}

/** The hostile plugin's breaker, as admins see it. */
export async function hostileHealth(): Promise<{
  status: string;
  consecutiveFailures: number;
  lastError: string;
  recentFailures: { error: string }[];
}> {
  const admin = await kit.factory.admin();
  const list = await kit.host.get('/admin/plugins', { token: admin.token });
  return list.body.items.find((item: { id: string }) => item.id === 'hostile');
}
