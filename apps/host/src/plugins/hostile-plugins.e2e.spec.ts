import { OpenApiKit } from '../open-api/open-api.testing';
import { expectProblem } from '../testing/expect-problem';
import type { TestUser } from '../testing/factory';
import type { ApiResponse } from '../testing/test-host';
import { FIXTURE_PLUGINS_DIR, PluginTestKit } from './plugins.testing';

/** Shorter than the production watchdog, so never-settling calls end quickly here. */
const CALL_TIMEOUT_MS = 2000;

describe('hostile plugins', () => {
  let kit: PluginTestKit;
  let alice: TestUser;
  let openApiToken: string;

  beforeAll(async () => {
    kit = await PluginTestKit.start({
      pluginsDir: FIXTURE_PLUGINS_DIR,
      plugins: ['echo', 'hostile'],
      workers: 2,
      callTimeoutMs: CALL_TIMEOUT_MS,
    });
    alice = await kit.factory.newUser('alice');
    await kit.installFor(alice, 'echo');
    await kit.installFor(alice, 'hostile');
    const openApi = new OpenApiKit(kit.host, kit.factory);
    openApiToken = await openApi.token(alice, await openApi.approvedApp());
  });

  afterAll(() => kit.close());

  /**
   * Starts the hostile call, checks that the host serves others meanwhile (health, the Open API, another
   * plugin), then that the bad call ended in a clear 502 and that both plugins answer again.
   */
  async function expectContained(path: string, error: RegExp, stillRunning = false): Promise<ApiResponse> {
    let settled = false;
    const bad = kit.call(alice, 'GET', `/apps/hostile/api${path}`).finally(() => (settled = true));
    const [live, me, echo] = await Promise.all([
      kit.host.get('/health/live'),
      kit.host.get('/open/v1/me', { token: openApiToken }),
      kit.call(alice, 'GET', '/apps/echo/api/hello'),
    ]);
    expect([live.status, me.status, echo.status]).toEqual([200, 200, 200]);
    if (stillRunning) expect(settled).toBe(false);
    const response = await bad;
    expectProblem(response, 502, 'plugin_failed');
    expect(response.body.detail).toMatch(error);
    expect((await kit.call(alice, 'GET', '/apps/hostile/api/ok')).body).toEqual({ ok: true });
    expect((await kit.call(alice, 'GET', '/apps/echo/api/me')).status).toBe(200);
    return response;
  }

  it('ends an infinite loop at the CPU limit', async () => {
    await expectContained('/loop', /^Hostile failed: timed out: used more than 200 ms of CPU/);
  });

  it('ends a loop after an await with the wall-clock watchdog', async () => {
    await expectContained('/loop-after-await', /timed out: did not finish within 2000 ms/, true);
  });

  it('ends a never-settling promise with the watchdog', async () => {
    await expectContained('/never', /timed out: did not finish within 2000 ms/, true);
  });

  it('ends a memory bomb at the memory limit; the isolate is recreated', async () => {
    await expectContained('/memory-bomb', /ran out of memory \(the limit is 64 MB\)/);
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

  it('shows the plugin nothing of Node, the host or isolated-vm', async () => {
    const response = await kit.call(alice, 'GET', '/apps/echo/api/sandbox');
    expect(response.body).toEqual({
      require: 'undefined',
      process: 'undefined',
      setTimeout: 'undefined',
      fetch: 'undefined',
      console: 'undefined',
      webAssembly: 'undefined',
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

  it('fails only the call in flight when its worker is killed; the next call runs on a new worker', async () => {
    const pids = kit.workerPids();
    expect(pids).toHaveLength(2);
    const inFlight = kit.call(alice, 'GET', '/apps/hostile/api/never');
    // Give the call time to reach a worker (it can only end by the watchdog otherwise, 2 s later).
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    const failed = await inFlight;
    expectProblem(failed, 502, 'plugin_failed');
    expect(failed.body.detail).toMatch(/crashed: its worker process stopped \(signal SIGKILL\)/);
    expect((await kit.call(alice, 'GET', '/apps/echo/api/me')).status).toBe(200);
    expect(kit.workerPids().some((pid) => pids.includes(pid))).toBe(false);
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
});
