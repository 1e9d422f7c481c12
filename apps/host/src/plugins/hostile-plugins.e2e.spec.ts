import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';
import { LIMITS } from '../common/limits';
import { AuthorizationsService } from '../apps/authorizations.service';
import { OpenApiKit } from '../open-api/open-api.testing';
import { PluginBridge } from './plugin-bridge';
import { expectProblem } from '../testing/expect-problem';
import type { TestUser } from '../testing/factory';
import type { ApiResponse } from '../testing/test-host';
import { FIXTURE_PLUGINS_DIR, PluginTestKit } from './plugins.testing';
import { processUsage } from './process-usage';

/**
 * Shorter than the production watchdog, so never-settling calls end quickly here; long enough for the
 * attacks that need CPU (a flood, Intl objects up to the memory ceiling) in a niced worker on a busy machine.
 */
const CALL_TIMEOUT_MS = 3000;
const TIMED_OUT = /timed out: did not finish within 3000 ms/;
/**
 * For attacks that need real work to reach the end they prove (a crash, a process filled to its ceiling): a
 * niced worker on a busy machine may take many times the second it takes on a quiet one, and these tests must
 * see that end, not the call's timeout.
 */
const LONG_CALL_TIMEOUT_MS = 20_000;
/**
 * Lower than production's ceiling, so an attack reaches it quickly; still above what a worker holds with its
 * isolate at its own limit (the memory bomb).
 */
const PROCESS_MEMORY_MB = 192;
const MB = 1024 * 1024;

describe('hostile plugins', () => {
  // The host the tests attack, its two users, and an Open API token of a third-party app.
  let kit: PluginTestKit;
  let alice: TestUser;
  let bob: TestUser;
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

  beforeAll(() => startHost(CALL_TIMEOUT_MS));
  afterAll(() => Promise.all(hosts.map((host) => host.close())));

  // After every attack the plugins' workers are all up again, each back within 50 MB of the baseline (a
  // worker that grew is replaced once idle, which takes a moment).
  afterEach(async () => {
    const recovered = () =>
      kit.workerPids('hostile').length === 2 &&
      kit.workerPids('echo').length === 2 &&
      eachWorkerRss().every((rss) => rss - baselineRss < 50 * MB);
    await until(recovered, 10_000);
    expect(kit.workerPids()).toHaveLength(4);
    for (const rss of eachWorkerRss()) expect(rss - baselineRss).toBeLessThan(50 * MB);
  });

  /**
   * Starts the hostile call and checks that the host serves others meanwhile: health within a second,
   * the Open API, another plugin for another user; once the bad call has ended, both plugins answer
   * again. Returns the bad call's response.
   */
  async function whileAttacking(path: string, stillRunning = false): Promise<ApiResponse> {
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
  async function othersAnswer(): Promise<void> {
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
  async function attackerRecovers(): Promise<void> {
    expect((await kit.call(alice, 'GET', '/apps/hostile/api/ok')).body).toEqual({ ok: true });
    expect((await kit.call(alice, 'GET', '/apps/echo/api/me')).status).toBe(200);
  }

  /** An attack that must end in a clear 502 whose detail matches `error`. */
  async function expectContained(path: string, error: RegExp, stillRunning = false): Promise<ApiResponse> {
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
  function watchOpenApi(hold: boolean | string) {
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
  function gatherCalls(count: number) {
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
  function eachWorkerRss(pluginId?: string): number[] {
    return kit.workerPids(pluginId).map((pid) => (processUsage(pid)?.rssMb ?? 0) * MB);
  }

  /** Resident memory of all plugin workers, in bytes. */
  function workersRss(): number {
    return eachWorkerRss().reduce((sum, rss) => sum + rss, 0);
  }

  /** Waits until `done` holds, for at most `ms`. */
  async function until(done: () => boolean, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** Reads until `done` holds of what was read, for at most `ms`; the last value read. */
  async function readUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, ms: number): Promise<T> {
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
  async function expectCountedOnce(path: string, interruption: string, fault: string): Promise<void> {
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
  async function hostileHealth(): Promise<{
    status: string;
    consecutiveFailures: number;
    lastError: string;
    recentFailures: { error: string }[];
  }> {
    const admin = await kit.factory.admin();
    const list = await kit.host.get('/admin/plugins', { token: admin.token });
    return list.body.items.find((item: { id: string }) => item.id === 'hostile');
  }

  it('ends an infinite loop at the CPU limit, and a microtask storm at the CPU or the memory limit', async () => {
    await expectContained('/loop', /^Hostile failed: timed out: used more than 200 ms of CPU/);
    // Each reaction of the storm returns the next promise, so the chain also grows the heap: on a busy
    // machine the isolate's 64 MB can run out before its 200 ms of CPU do. Either limit ends it.
    await expectContained(
      '/microtasks',
      /^Hostile failed: (timed out: used more than 200 ms of CPU|ran out of memory \(the limit is 64 MB\))/,
    );
  });

  it('ends a loop after an await with the wall-clock watchdog', async () => {
    await expectContained('/loop-after-await', TIMED_OUT, true);
  });

  it('ends a never-settling promise with the watchdog', async () => {
    await expectContained('/never', TIMED_OUT, true);
  });

  it('ends a memory bomb at the memory limit; the isolate is recreated', async () => {
    await expectContained('/memory-bomb', /ran out of memory \(the limit is 64 MB\)/);
  });

  it('offers no resizable ArrayBuffer, whose growth the memory limit would not count, and no 1 GB plain one', async () => {
    const before = workersRss();
    await expectContained('/resizable', /^Hostile failed: TypeError: buffer.resize is not a function$/);
    await expectContained('/array-buffer', /^Hostile failed: RangeError: Array buffer allocation failed$/);
    expect(workersRss() - before).toBeLessThan(50 * MB);
  });

  it('ends the process in which a built-in still runs after its call timed out: no CPU is spent without a call', async () => {
    const before = kit.workerPids('hostile');
    await expectContained('/sparse-sort', TIMED_OUT);
    // The worker that ran it took no more calls and was ended at once, with the sort it still ran.
    const ended = () => before.filter((pid) => !existsSync(`/proc/${pid}`));
    await until(() => ended().length > 0, 1000);
    expect(ended().length).toBeGreaterThan(0);
    await until(() => kit.workerPids('hostile').length === 2, 10_000);
    expect(kit.workerPids('hostile')).toHaveLength(2);
  });

  it('ends a process that spends CPU with no call in flight, and counts it against the plugin', async () => {
    const before = kit.workerPids('hostile');
    const response = await kit.call(alice, 'GET', '/apps/hostile/api/after-answer');
    expect(response.body).toEqual({ ok: true });
    await othersAnswer();
    const ended = () => before.filter((pid) => !existsSync(`/proc/${pid}`));
    await until(() => ended().length > 0, 5000);
    expect(ended()).toHaveLength(1);
    expect((await hostileHealth()).lastError).toMatch(
      /^used \d+ ms of CPU within a second with no call in flight$/,
    );
    await attackerRecovers();
  });

  it('runs no finalizer a call left behind once the call is over', async () => {
    await until(() => kit.workerPids('hostile').length === 2, 10_000);
    expect((await kit.call(alice, 'GET', '/apps/hostile/api/finalizers')).body).toEqual({ ok: true });
    // Calls that make garbage, so collections come; the finalizers' registry went with its call's context.
    for (let i = 0; i < 5; i += 1) await kit.call(alice, 'GET', '/apps/hostile/api/ok');
    const workers = kit.workerPids('hostile');
    const cpuMs = () => workers.reduce((sum, pid) => sum + (processUsage(pid)?.cpuMs ?? 0), 0);
    const before = cpuMs();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(kit.workerPids('hostile')).toEqual(workers);
    expect(cpuMs() - before).toBeLessThan(250);
  });

  it('refuses an Open API answer over the bridge limit, and the call goes on', async () => {
    const response = await whileAttacking('/big-answer');
    expect(response.body).toEqual({
      refused: `ctx.api.request: the response is over the limit of ${LIMITS.pluginBridgeResponseBytes} bytes`,
    });
  });

  it('reports a stack overflow', async () => {
    await expectContained('/recursion', /RangeError: Maximum call stack size exceeded/);
  });

  it('refuses an enormous result', async () => {
    await expectContained('/huge', /returned \d+ characters of JSON; the limit is 262144/);
  });

  it('refuses results that are not JSON or not a response, and invalid problems', async () => {
    await expectContained('/not-json', /returned a result that is not JSON/);
    await expectContained('/bad-result', /returned an invalid result/);
    await expectContained('/bad-problem', /threw a PluginHttpError with status 200/);
    await expectContained('/throw', /Error: boom/);
  });

  it('a timeout harms only its own call: queued calls run again on a fresh isolate, running ones get 503 with Retry-After', async () => {
    const hostile = (path: string) => kit.call(alice, 'GET', `/apps/hostile/api${path}`);
    // The Open API answers only once all four calls below have begun, in this order, so which call loops is
    // certain.
    const openApi = watchOpenApi(true);
    // One looping call, then one call running beside it, on each of the two workers.
    const looping = [hostile('/loop-after-await'), hostile('/loop-after-await')];
    await openApi.arrived(2);
    const running = [hostile('/chatty'), hostile('/chatty')];
    await openApi.arrived(4);
    openApi.release();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Sent while both isolates loop: these wait behind the loops and have not begun.
    const queued = Array.from({ length: 20 }, () => hostile('/slow'));
    await othersAnswer();

    for (const response of await Promise.all(looping)) {
      expectProblem(response, 502, 'plugin_failed');
      expect(response.body.detail).toMatch(TIMED_OUT);
    }
    for (const response of await Promise.all(running)) {
      expectProblem(response, 503, 'plugin_unavailable');
      expect(response.body.detail).toMatch(/was interrupted: another of its calls timed out/);
      expect(response.headers['retry-after']).toBe(String(LIMITS.pluginRetryAfterSeconds));
    }
    const answers = await Promise.all(queued);
    expect(answers.map((response) => [response.status, response.body])).toEqual(
      answers.map(() => [200, { ok: true }]),
    );
    await attackerRecovers();
  });

  it('answers 503 with Retry-After, counting nothing, for calls that waited behind others until too late to begin', async () => {
    expect((await kit.call(alice, 'GET', '/apps/hostile/api/ok')).status).toBe(200);
    const pids = kit.workerPids('hostile');
    // Each call holds its isolate 150 ms, and all reach the workers at once: the two get through about 30 of
    // them in the time a call may still begin, and tell the rest to come back.
    const gathered = gatherCalls(60);
    const answers = await Promise.all(
      Array.from({ length: 60 }, () => kit.call(alice, 'GET', '/apps/hostile/api/slow?ms=150')),
    );
    gathered.restore();
    const busy = answers.filter((response) => response.status === 503);
    expect(answers.filter((response) => response.status === 200).length).toBeGreaterThan(0);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy.length + answers.filter((response) => response.status === 200).length).toBe(60);
    for (const response of busy) {
      expectProblem(response, 503, 'plugin_unavailable');
      expect(response.body.detail).toMatch(
        /^Hostile was busy: other calls kept it waiting for most of its 3000 ms; try again in 1 s$/,
      );
      expect(response.headers['retry-after']).toBe(String(LIMITS.pluginRetryAfterSeconds));
    }
    // Nor does a call told to try again run later, with no call in flight, at its plugin's expense.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(kit.workerPids('hostile')).toEqual(pids);
    expect((await hostileHealth()).consecutiveFailures).toBe(0);
    await attackerRecovers();
  });

  it("refuses a call's ctx to code it left running beside another user's calls in the same isolate", async () => {
    // With a context per call no code of Bob's call can reach Alice's ctx (the next test looks for it); what is
    // left is Alice's own code, still running once her call has answered, using her ctx while Bob's calls run.
    const written: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'warn').mockImplementation((...entry: unknown[]) => {
      const line = entry[0] as { plugin?: string; message: string };
      if (line?.plugin === 'hostile') written.push(line.message);
    });
    const openApi = watchOpenApi(true);
    try {
      // Alice's call answers while its request waits; Bob's calls (one on each worker) run when it is answered.
      expect((await kit.call(alice, 'GET', '/apps/hostile/api/hand-over')).body).toEqual({ ok: true });
      const bobs = [1, 2].map(() => kit.call(bob, 'GET', '/apps/hostile/api/chatty'));
      await openApi.arrived(3);
      openApi.open();
      for (const response of await Promise.all(bobs)) expect(response.body).toEqual({ ok: true });
      await until(() => written.length > 0, 2000);
    } finally {
      openApi.release();
      spy.mockRestore();
    }
    expect(written).toEqual(['refused: ctx.api can only be used while its call is running']);
    // The one request Alice's call made while it ran, then Bob's alone.
    expect(openApi.seen.users).toEqual([alice.id, ...Array.from({ length: 40 }, () => bob.id)]);
  });

  it("isolates users: nothing one user's call changes or holds reaches another user's call", async () => {
    const clean = {
      secret: null,
      held: null,
      heldMe: null,
      dateNow: true,
      random: true,
      polluted: null,
      push: true,
    };
    // Alice's call tampers with everything and leaves its ctx on its global, then waits for the Open API,
    // held until Bob's calls have run in the same isolates.
    const openApi = watchOpenApi(true);
    const tamper = kit.call(alice, 'GET', '/apps/hostile/api/tamper');
    await openApi.arrived(1);
    const observed: unknown[] = [];
    for (let i = 0; i < 4; i += 1) {
      observed.push((await kit.call(bob, 'GET', '/apps/hostile/api/observe')).body);
    }
    openApi.release();
    expect((await tamper).body).toEqual({ ok: true });
    observed.push((await kit.call(bob, 'GET', '/apps/hostile/api/observe')).body);
    expect(observed).toEqual(observed.map(() => clean));
    await othersAnswer();
  });

  it('refuses a ctx used after its call has ended', async () => {
    const openApi = watchOpenApi(false);
    const response = await kit.call(alice, 'GET', '/apps/hostile/api/late');
    expect(response.body).toEqual({ ok: true });
    // Time for the requests left behind to be tried, in vain.
    await new Promise((resolve) => setTimeout(resolve, 500));
    openApi.release();
    expect(openApi.seen.paths).not.toContain('/open/v1/me');
  });

  it('gives a plugin flooding the Open API errors over its per-call limits, and keeps its worker alive', async () => {
    const pids = kit.workerPids();
    const openApi = watchOpenApi(false);
    const response = await whileAttacking('/bridge-flood');
    openApi.release();
    const concurrent = LIMITS.pluginBridgeConcurrentPerCall;
    const perCall = LIMITS.pluginBridgeRequestsPerCall;
    expect(response.status).toBe(200);
    const { flood, later, stopped, huge } = response.body;
    // Answers come back while the flood is still being sent, so more than `concurrent` of it may pass, and
    // it may reach the limit in all — but never more than `concurrent` at a time, nor `perCall` in all.
    const tooMany = `ctx.api.request: a call may have at most ${concurrent} requests at a time`;
    const overAll = `ctx.api.request: a call may make at most ${perCall} requests`;
    expect([tooMany, overAll, 'answered']).toEqual(expect.arrayContaining(Object.keys(flood)));
    expect(flood.answered).toBeGreaterThanOrEqual(concurrent);
    expect(flood.answered + flood[tooMany] + (flood[overAll] ?? 0)).toBe(20000);
    // One request before the flood, the flood's answered ones, then more up to the limit.
    expect(1 + flood.answered + later).toBe(perCall);
    expect(stopped).toBe(overAll);
    expect(huge).toMatch(
      new RegExp(
        `^ctx.api.request: the request has \\d+ characters of JSON; the limit is ${LIMITS.pluginBridgeRequestBytes}$`,
      ),
    );
    expect(openApi.seen.arrived).toBe(perCall);
    expect(openApi.seen.mostAtOnce).toBeLessThanOrEqual(concurrent);
    expect(kit.workerPids()).toEqual(pids);
  });

  it('lets no header into an Open API request through any part of it a plugin controls', async () => {
    const received: string[] = [];
    const server = kit.host.app.getHttpServer();
    const listener = (request: IncomingMessage) => {
      if (request.url?.startsWith('/open/v1/')) received.push(JSON.stringify(request.headers));
    };
    server.on('request', listener);
    let response: ApiResponse;
    try {
      response = await whileAttacking('/inject');
    } finally {
      server.off('request', listener);
    }
    expect(response.body).toEqual({
      headerValue: `refused: The Open API request failed: Headers.append: "k\r\nX-Injected: yes" is an invalid header value.`,
      headerName: 'refused: ctx.api.request may not set X-Injected: yes\r\nIdempotency-Key',
      // The URL parser drops the line breaks and escapes the spaces: a path the Open API does not have.
      path: 404,
      method:
        'refused: ctx.api.request: unsupported method "GET /open/v1/me HTTP/1.1\r\nX-Injected: yes\r\n\r\nGET"',
      // Escaped into the query string, which /me ignores.
      query: 200,
    });
    expect(received.length).toBeGreaterThan(0);
    expect(received.filter((headers) => /injected/i.test(headers))).toEqual([]);
  });

  describe('everything that leaves a plugin is bounded', () => {
    it('cuts a 4 MiB error message, and the breaker and /admin/plugins keep only the cut', async () => {
      const response = await expectContained('/huge-error', /^Hostile failed: Error: e{400}/);
      expect(response.body.detail.length).toBeLessThan(LIMITS.pluginReasonMax + 100);

      const admin = await kit.factory.admin();
      const list = await kit.host.get('/admin/plugins', { token: admin.token });
      expect(JSON.stringify(list.body).length).toBeLessThan(16 * 1024);
      const hostile = list.body.items.find((item: { id: string }) => item.id === 'hostile');
      expect(hostile.recentFailures[0].error).toMatch(/^Error: e{400}/);
      expect(hostile.recentFailures[0].error.length).toBeLessThanOrEqual(LIMITS.pluginReasonMax + 1);
      expect(hostile.lastError.length).toBeLessThanOrEqual(LIMITS.pluginReasonMax + 1);
    });

    it('cuts a 4 MiB problem detail and keeps the problem the plugin chose', async () => {
      const response = await whileAttacking('/huge-problem');
      expectProblem(response, 400, 'too_big');
      expect(response.body.detail).toMatch(/^d{1000}…$/);
    });

    it('ignores a JSON.stringify the bundle replaced: no forged outcome comes through', async () => {
      const response = await whileAttacking('/forge');
      expect({ status: response.status, body: response.body }).toEqual({ status: 200, body: { ok: true } });
    });

    it('passes at most a few short log lines of a call that logs 1,000 × 1 MiB after an await', async () => {
      const written: { message: string; data: unknown }[] = [];
      const spies = (['log', 'warn'] as const).map((level) =>
        jest.spyOn(Logger.prototype, level).mockImplementation((...entry: unknown[]) => {
          const line = entry[0] as { plugin?: string; message: string; data: unknown };
          if (line?.plugin === 'hostile') written.push(line);
        }),
      );
      const before = workersRss();
      try {
        const response = await whileAttacking('/log-flood');
        expect({ status: response.status, body: response.body }).toEqual({
          status: 200,
          body: { logged: 1000 },
        });
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
      expect(written).toHaveLength(LIMITS.pluginLogLinesPerCall + 1);
      expect(written.at(-1)?.message).toBe(
        `dropped ${1000 - LIMITS.pluginLogLinesPerCall} log lines over the limit of ${LIMITS.pluginLogLinesPerCall} a call`,
      );
      for (const line of written) {
        expect(JSON.stringify(line).length).toBeLessThan(3 * LIMITS.pluginLogMessageMax);
      }
      expect(workersRss() - before).toBeLessThan(50 * MB);
    });
  });

  it('shows the plugin nothing of Node, the host or isolated-vm', async () => {
    const response = await kit.call(alice, 'GET', '/apps/echo/api/sandbox');
    expect(response.body).toEqual({
      require: 'undefined',
      process: 'undefined',
      setTimeout: 'undefined',
      fetch: 'undefined',
      console: 'undefined',
      webAssembly: 'undefined',
      sharedArrayBuffer: 'undefined',
      atomics: 'undefined',
      pluginModule: 'undefined',
      bridgeInScope: 'undefinedundefinedundefined',
      dynamicImport: 'refused',
      globals: expect.any(Array),
      ctx: ['api', 'log', 'now', 'user'],
      api: ['request'],
      frozen: true,
    });
    // Only ECMAScript's own globals: nothing the host or isolated-vm added.
    const standard = new Set(Object.getOwnPropertyNames(globalThis));
    const extra = (response.body.globals as string[]).filter((name) => !standard.has(name));
    expect(extra).toEqual([]);
    expect(response.body.globals).not.toEqual(
      expect.arrayContaining(['ivm', '_ivm', 'Reference', 'ExternalCopy']),
    );
  });

  it("fails only the call in flight when its plugin's workers are killed; the next call runs on a new worker", async () => {
    const pids = kit.workerPids('hostile');
    const echoWorkers = kit.workerPids('echo');
    expect(pids).toHaveLength(2);
    const inFlight = kit.call(alice, 'GET', '/apps/hostile/api/never');
    // Give the call time to reach a worker (it can only end by the watchdog otherwise, 2 s later).
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    const failed = await inFlight;
    expectProblem(failed, 502, 'plugin_failed');
    expect(failed.body.detail).toMatch(/crashed: its worker process stopped \(signal SIGKILL\)/);
    // A call made before the host hears of the second death may still go down with it: wait for both.
    const deadline = Date.now() + 10_000;
    while (kit.workerPids().some((pid) => pids.includes(pid)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(kit.workerPids().some((pid) => pids.includes(pid))).toBe(false);
    expect((await kit.call(alice, 'GET', '/apps/echo/api/me')).status).toBe(200);
    expect(kit.workerPids('echo')).toEqual(echoWorkers);
    await until(() => kit.workerPids('hostile').length === 2, 10_000);
    expect((await kit.call(alice, 'GET', '/apps/hostile/api/ok')).body).toEqual({ ok: true });
  });

  it('disables a plugin after repeated failures, shows admins why, and an admin enables it again', async () => {
    // A success resets the count (the killed call above failed once).
    expect((await kit.call(alice, 'GET', '/apps/hostile/api/ok')).status).toBe(200);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expectProblem(await kit.call(alice, 'GET', '/apps/hostile/api/throw'), 502, 'plugin_failed');
    }
    const disabled = await kit.call(alice, 'GET', '/apps/hostile/api/ok');
    expectProblem(disabled, 503, 'plugin_disabled');
    expect(disabled.body.detail).toContain('Error: boom');
    // Other plugins are not affected.
    expect((await kit.call(alice, 'GET', '/apps/echo/api/hello')).status).toBe(200);

    const admin = await kit.factory.admin();
    expectProblem(await kit.host.get('/admin/plugins', { token: alice.token }), 403, 'forbidden');
    const list = await kit.host.get('/admin/plugins', { token: admin.token });
    expect(list.status).toBe(200);
    const hostile = list.body.items.find((item: { id: string }) => item.id === 'hostile');
    expect(hostile).toMatchObject({
      status: 'disabled',
      consecutiveFailures: 5,
      lastError: 'Error: boom',
      disabledAt: expect.any(String),
    });
    expect(hostile.recentFailures[0]).toEqual({ at: expect.any(String), error: 'Error: boom' });
    expect(list.body.items.find((item: { id: string }) => item.id === 'echo')).toMatchObject({
      status: 'enabled',
    });

    const enabled = await kit.host.post('/admin/plugins/hostile/enable', { token: admin.token });
    expect(enabled.body).toMatchObject({ status: 'enabled', consecutiveFailures: 0, disabledAt: null });
    expect((await kit.call(alice, 'GET', '/apps/hostile/api/ok')).body).toEqual({ ok: true });
    expectProblem(
      await kit.host.post('/admin/plugins/nope/enable', { token: admin.token }),
      404,
      'not_found',
    );
    // The audit log has the enabling, and nothing of the refused one.
    const audit = await kit.host.get('/admin/audit-log', {
      token: admin.token,
      query: { subjectType: 'plugin' },
    });
    expect(audit.body.items).toMatchObject([
      {
        actorId: admin.id,
        action: 'plugin.enable',
        subjectId: 'hostile',
        details: { wasDisabled: true, consecutiveFailures: 5 },
      },
    ]);
  });

  // Last, as it points the tests at a host of its own (and back once done).
  describe('attacks that take a while to crash or fill a process, with calls waiting meanwhile (a call may take 20 s)', () => {
    let quick: [PluginTestKit, TestUser, TestUser, string, number];
    beforeAll(async () => {
      quick = [kit, alice, bob, openApiToken, baselineRss];
      await startHost(LONG_CALL_TIMEOUT_MS);
    });
    afterAll(() => {
      [kit, alice, bob, openApiToken, baselineRss] = quick;
    });

    it.each([
      ['/crash-split', 'SIGTRAP'],
      ['/crash-fill', 'SIGABRT'],
    ])(
      "a plugin that crashes its process (%s) fails only its own call; another plugin's calls in flight all answer",
      async (path, signal) => {
        const echoWorkers = kit.workerPids('echo');
        const neighbours = Array.from({ length: 20 }, () => kit.call(bob, 'GET', '/apps/echo/api/me'));
        await expectContained(
          path,
          new RegExp(`^Hostile failed: crashed: its worker process stopped \\(signal ${signal}\\)$`),
        );
        const answers = await Promise.all(neighbours);
        expect(answers.map((response) => response.status)).toEqual(answers.map(() => 200));
        expect(kit.workerPids('echo')).toEqual(echoWorkers);
      },
    );

    it('counts a crash with seven calls in flight once: they answer 503 with Retry-After, and the plugin stays enabled', async () => {
      await expectCountedOnce(
        '/crash-split',
        'its worker process ended with 7 calls in flight (crashed: its worker process stopped (signal SIGTRAP))',
        'crashed: its worker process stopped (signal SIGTRAP), with 7 calls in flight',
      );
    });

    it('counts an isolate run out of memory with seven calls in it once: they answer 503 with Retry-After', async () => {
      await expectCountedOnce(
        '/memory-bomb',
        'its isolate ran out of memory (the limit is 64 MB) with 7 calls in it',
        'ran out of memory (the limit is 64 MB), with 7 calls in it',
      );
    });

    it('bounds the memory of a process whose Intl objects grow outside the heap, where the isolate does not look', async () => {
      // Unchecked, this attack holds 450 MB within a few seconds on a quiet machine.
      let peak = 0;
      const sampler = setInterval(() => (peak = Math.max(peak, ...eachWorkerRss('hostile'))), 20);
      try {
        await expectContained(
          '/intl',
          new RegExp(
            `^Hostile failed: ran out of memory: its process used \\d+ MB, over the limit of ${PROCESS_MEMORY_MB} MB$`,
          ),
        );
      } finally {
        clearInterval(sampler);
      }
      // The host reads a process running a call every 25 ms, but on a loaded machine its timer runs late and the
      // flood adds memory between two reads; far from the 450 MB it holds unchecked all the same.
      expect(peak).toBeLessThan((PROCESS_MEMORY_MB + 96) * MB);
    });
  });
});
