import type { IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';
import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import type { ApiResponse } from '../testing/test-host';
import {
  TIMED_OUT,
  alice,
  attackerRecovers,
  bob,
  gatherCalls,
  hostileHealth,
  kit,
  othersAnswer,
  until,
  useHostileHost,
  watchOpenApi,
  whileAttacking,
} from './hostile-plugins.e2e-setup';

describe('hostile plugins', () => {
  useHostileHost();

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
});
