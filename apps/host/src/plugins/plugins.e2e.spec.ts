import { EntityManager } from '@mikro-orm/core';
import { DatabaseService } from '../database/database.module';
import { EventsService } from '../events/events.service';
import { expectProblem } from '../testing/expect-problem';
import type { TestUser } from '../testing/factory';
import { FIXTURE_PLUGINS_DIR, PluginTestKit } from './plugins.testing';

describe('the plugin runtime', () => {
  let kit: PluginTestKit;
  let alice: TestUser;

  beforeAll(async () => {
    kit = await PluginTestKit.start({ pluginsDir: FIXTURE_PLUGINS_DIR, plugins: ['echo'] });
    alice = await kit.factory.newUser('alice');
    await kit.installFor(alice, 'echo');
  });

  afterAll(() => kit.close());

  it('registers the plugin as a published app that the app center lists', async () => {
    const rows = await kit.host.sql<{ name: string; plugin_id: string; icon_url: string | null }>(
      'select name, plugin_id, icon_url from app where id = ?',
      [kit.appId('echo')],
    );
    expect(rows).toEqual([
      { name: 'Echo', plugin_id: 'echo', icon_url: 'http://localhost:3000/apps/echo/icon.svg' },
    ]);
  });

  it('answers a route with the handler JSON, acting as the user at host time', async () => {
    // The test clock runs with real time from an offset: ctx.now() lies between the moments around the call.
    const hostTime = async () => {
      const before = kit.host.clock.now().getTime();
      const response = await kit.call(alice, 'GET', '/apps/echo/api/hello');
      expect(response.status).toBe(200);
      expect(response.body.openid).toBe(await kit.openid(alice, 'echo'));
      expect(response.body.now).toBeGreaterThanOrEqual(before);
      expect(response.body.now).toBeLessThanOrEqual(kit.host.clock.now().getTime());
    };
    await hostTime();
    kit.host.clock.advance(24 * 3600_000);
    await hostTime();
  });

  it('passes method, path, params, query and body in, and the status out', async () => {
    const response = await kit.call(alice, 'POST', '/apps/echo/api/echo/ni%20hao?page=2', { likes: ['tea'] });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      method: 'POST',
      path: '/echo/ni%20hao',
      params: { name: 'ni hao' },
      query: { page: '2' },
      body: { likes: ['tea'] },
    });
  });

  it('reaches the Open API through the bridge with the plugin token for the user', async () => {
    const response = await kit.call(alice, 'GET', '/apps/echo/api/me');
    expect(response.status).toBe(200);
    expect(response.body.openid).toBe(await kit.openid(alice, 'echo'));
  });

  it('answers a PluginHttpError as problem+json with its status and code', async () => {
    const response = await kit.call(alice, 'GET', '/apps/echo/api/problem');
    expectProblem(response, 409, 'already_voted');
    expect(response.body.detail).toBe('You have voted already');
  });

  it('gives the plugin 403 insufficient_scope for an operation outside its grant', async () => {
    const response = await kit.call(alice, 'GET', '/apps/echo/api/scope');
    expect(response.body).toEqual({ status: 403, code: 'insufficient_scope' });
  });

  it('refuses bridge requests outside the Open API', async () => {
    const response = await kit.call(alice, 'GET', '/apps/echo/api/outside');
    expect(Object.values(response.body)).toEqual([
      expect.stringContaining('only reaches the Open API'),
      expect.stringContaining('only reaches the Open API'),
      expect.stringContaining('only reaches the Open API'),
    ]);
  });

  it('refuses strangers, users without the app, unknown plugins and undeclared routes', async () => {
    const bob = await kit.factory.newUser('bob');
    expectProblem(await kit.host.get('/apps/echo/api/hello', { raw: true }), 401, 'unauthenticated');
    const notInstalled = await kit.call(bob, 'GET', '/apps/echo/api/hello');
    expectProblem(notInstalled, 403, 'forbidden');
    expect(notInstalled.body.detail).toContain('Install Echo');
    expectProblem(await kit.call(alice, 'GET', '/apps/nope/api/hello'), 404, 'not_found');
    expectProblem(await kit.call(alice, 'GET', '/apps/echo/api/undeclared'), 404, 'route_not_found');
    expectProblem(await kit.call(alice, 'DELETE', '/apps/echo/api/hello'), 404, 'route_not_found');
  });

  it('refuses a request body over the plugin limit', async () => {
    const response = await kit.call(alice, 'POST', '/apps/echo/api/echo/big', {
      text: 'x'.repeat(70 * 1024),
    });
    expectProblem(response, 413, 'payload_too_large');
  });

  it('serves the canvas and its files with content types, and nothing outside ui/', async () => {
    const redirect = await kit.host.get('/apps/echo', { raw: true });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/apps/echo/');
    const page = await kit.host.get('/apps/echo/', { raw: true });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const script = await kit.host.get('/apps/echo/app.js', { raw: true });
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect((await kit.host.get('/apps/echo/icon.svg', { raw: true })).headers['content-type']).toMatch(
      /image\/svg/,
    );
    for (const path of [
      '/apps/echo/missing.js',
      '/apps/echo/..%2Fmanifest.json',
      '/apps/echo/%2E%2E/src/index.js',
    ]) {
      expectProblem(await kit.host.get(path, { raw: true }), 404, 'not_found');
    }
  });

  it('delivers events into the plugin acting as their user; a throwing handler fails the delivery', async () => {
    const appId = kit.appId('echo');
    const em = kit.host.app.get(EntityManager);
    const publish = (type: 'friend.added' | 'order.paid') =>
      kit.host.app
        .get(DatabaseService)
        .withContext(() =>
          em.transactional(() =>
            kit.host.app.get(EventsService).publish(appId, type, { friend: 'someone' }, alice.id),
          ),
        );
    const added = await publish('friend.added');
    await kit.deliverEvents();
    const stored = await kit.call(alice, 'GET', '/apps/echo/api/stored');
    expect(stored.body).toEqual({
      status: 200,
      value: {
        type: 'friend.added',
        id: added,
        data: { friend: 'someone' },
        openid: await kit.openid(alice, 'echo'),
      },
    });

    const paid = await publish('order.paid');
    await kit.deliverEvents();
    const [row] = await kit.host.sql<{ status: string; last_error: string }>(
      'select status, last_error from app_event where id = ?',
      [paid],
    );
    expect(row.last_error).toContain('the warehouse is closed');
  });

  it('stops acting for a suspended user: no routes, no events, and the plugin is not blamed', async () => {
    const dave = await kit.factory.newUser('dave');
    await kit.installFor(dave, 'echo');
    expect((await kit.call(dave, 'GET', '/apps/echo/api/me')).status).toBe(200);
    const admin = await kit.factory.admin();
    const suspended = await kit.host.post(`/admin/users/${dave.id}/suspend`, {
      token: admin.token,
      body: { reason: 'Cheating' },
    });
    expect(suspended.status).toBe(200);
    expectProblem(await kit.call(dave, 'GET', '/apps/echo/api/me'), 401, 'unauthenticated');

    const event = await kit.host.app.get(DatabaseService).withContext(() =>
      kit.host.app.get(EntityManager).transactional(() =>
        // The handler of order.paid throws: run, it would fail and count against the plugin.
        kit.host.app.get(EventsService).publish(kit.appId('echo'), 'order.paid', {}, dave.id),
      ),
    );
    await kit.deliverEvents();
    const rows = await kit.host.sql('select status, last_error from app_event where id = ?', [event]);
    expect(rows).toEqual([{ status: 'delivered', last_error: null }]);
    expect(kit.plugins.list().find(({ plugin }) => plugin.appId === kit.appId('echo'))?.health).toMatchObject(
      {
        consecutiveFailures: 0,
        disabledAt: null,
      },
    );

    await kit.host.post(`/admin/users/${dave.id}/unsuspend`, { token: admin.token, body: {} });
    const session = await kit.host.post('/sessions', {
      body: { username: dave.username, password: kit.factory.password },
    });
    const back = { ...dave, token: session.body.token };
    expect((await kit.call(back, 'GET', '/apps/echo/api/me')).status).toBe(200);
  });

  it('revokes on uninstall: the next call for that user is refused', async () => {
    const carol = await kit.factory.newUser('carol');
    await kit.installFor(carol, 'echo');
    expect((await kit.call(carol, 'GET', '/apps/echo/api/me')).status).toBe(200);
    await kit.uninstallFor(carol, 'echo');
    expectProblem(await kit.call(carol, 'GET', '/apps/echo/api/me'), 403, 'forbidden');
    // Alice's use of the same plugin goes on.
    expect((await kit.call(alice, 'GET', '/apps/echo/api/me')).status).toBe(200);
  });

  it('lets an admin take the plugin out of service with a reason, and bring it back', async () => {
    const admin = await kit.factory.admin();
    const disable = (body: unknown, token = admin.token, pluginId = 'echo') =>
      kit.host.post(`/admin/plugins/${pluginId}/disable`, { token, body });
    expectProblem(await disable({ reason: '   ' }), 400, 'validation_failed');
    expectProblem(await disable({ reason: 'x'.repeat(501) }), 400, 'validation_failed');
    expectProblem(await disable({ reason: 'Cheating' }, alice.token), 403, 'forbidden');
    expectProblem(await disable({ reason: 'Cheating' }, admin.token, 'nothing-here'), 404, 'not_found');
    expect((await kit.call(alice, 'GET', '/apps/echo/api/hello')).status).toBe(200);

    const disabled = await disable({ reason: '  Sends the same story twice  ' });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({
      status: 'disabled',
      disabledAt: expect.any(String),
      disabledBy: 'admin',
      disabledReason: 'Sends the same story twice',
    });
    const refused = await kit.call(alice, 'GET', '/apps/echo/api/hello');
    expectProblem(refused, 503, 'plugin_disabled');
    expect(refused.body.detail).toBe('Echo is disabled by an admin: Sends the same story twice');

    // A second admin's click changes nothing: the first reason stands, and the log has one entry.
    const again = await disable({ reason: 'Another reason' });
    expect(again.body).toMatchObject({
      disabledAt: disabled.body.disabledAt,
      disabledReason: 'Sends the same story twice',
    });
    const audit = await kit.host.get('/admin/audit-log', {
      token: admin.token,
      query: { subjectType: 'plugin', action: 'plugin.disable' },
    });
    expect(audit.body.items).toMatchObject([
      { actorId: admin.id, subjectId: 'echo', reason: 'Sends the same story twice' },
    ]);

    const enabled = await kit.host.post('/admin/plugins/echo/enable', { token: admin.token });
    expect(enabled.body).toMatchObject({ status: 'enabled', disabledBy: null, disabledReason: null });
    expect((await kit.call(alice, 'GET', '/apps/echo/api/hello')).status).toBe(200);
  });
});
