import { expectProblem } from '../testing/expect-problem';
import { TestApp, TestFactory, TestUser } from '../testing/factory';
import { OAuthTestClient } from '../testing/oauth-client';
import { TestHost } from '../testing/test-host';

describe('app registry (developers, testers, admin review)', () => {
  let host: TestHost;
  let factory: TestFactory;
  let developer: TestUser;

  const appBody = (overrides: Record<string, unknown> = {}) => ({
    name: 'Lucky Draw',
    description: 'Draw a friend',
    category: 'games',
    redirectUris: ['https://lucky.example/callback', 'http://127.0.0.1/callback'],
    scopes: ['profile:read', 'friends:read', 'feed:write'],
    optionalScopes: ['feed:write'],
    ...overrides,
  });
  const appCount = async () => Number((await host.sql<{ n: string }>('select count(*) as n from app'))[0].n);

  beforeAll(async () => {
    host = await TestHost.start();
    factory = new TestFactory(host);
    developer = await factory.newUser('dev');
    await host.post('/developer/registration', { token: developer.token });
  });
  afterAll(() => host.close());

  describe('developers', () => {
    it('makes a user a developer on request, once', async () => {
      const user = await factory.newUser();
      const first = await host.post('/developer/registration', { token: user.token });
      const again = await host.post('/developer/registration', { token: user.token });
      expect(first.body.roles).toEqual(['user', 'developer']);
      expect(again.body.roles).toEqual(['user', 'developer']);
    });

    it('refuses app registration to users who are not developers', async () => {
      const user = await factory.newUser();
      expectProblem(
        await host.post('/developer/apps', { token: user.token, body: appBody() }),
        403,
        'forbidden',
      );
      expectProblem(await host.post('/developer/apps', { body: appBody() }), 401, 'unauthenticated');
    });

    it('registers a confidential app in development mode and shows its secret once, storing only a hash', async () => {
      const created = await host.post('/developer/apps', { token: developer.token, body: appBody() });
      expect(created.status).toBe(201);
      expect(created.body.app).toMatchObject({
        name: 'Lucky Draw',
        status: 'development',
        clientType: 'confidential',
        scopes: ['profile:read', 'friends:read', 'feed:write'],
        optionalScopes: ['feed:write'],
        iconUrl: null,
        webhookUrl: null,
        developer: { id: developer.id },
      });
      expect(created.body.app.clientId).toMatch(/^kjc_/);
      expect(created.body.clientSecret).toMatch(/^kjs_[A-Za-z0-9_-]{43}$/);

      const [stored] = await host.sql<{ secret_hash: string }>('select secret_hash from app where id = ?', [
        created.body.app.id,
      ]);
      expect(stored.secret_hash).not.toContain(created.body.clientSecret);
      const fetched = await host.get(`/developer/apps/${created.body.app.id}`, { token: developer.token });
      expect(JSON.stringify(fetched.body)).not.toContain(created.body.clientSecret);
    });

    it('registers a public client without a secret, and will not rotate one', async () => {
      const created = await host.post('/developer/apps', {
        token: developer.token,
        body: appBody({ clientType: 'public' }),
      });
      expect(created.body).toMatchObject({ clientSecret: null, app: { clientType: 'public' } });
      expectProblem(
        await host.post(`/developer/apps/${created.body.app.id}/secret`, { token: developer.token }),
        409,
        'conflict',
      );
    });

    it.each([
      ['plain http to a remote host', { redirectUris: ['http://lucky.example/callback'] }, 'redirectUris'],
      ['a fragment', { redirectUris: ['https://lucky.example/callback#top'] }, 'redirectUris'],
      ['userinfo', { redirectUris: ['https://good.example@evil.example/callback'] }, 'redirectUris'],
      ['a relative URI', { redirectUris: ['/callback'] }, 'redirectUris'],
      ['no redirect URI', { redirectUris: [] }, 'redirectUris'],
      ['an unknown scope', { scopes: ['profile:read', 'wallet:drain'] }, 'scopes'],
      ['no scope', { scopes: [], optionalScopes: [] }, 'scopes'],
      ['an optional scope it does not ask for', { optionalScopes: ['storage'] }, 'optionalScopes'],
      ['an unknown category', { category: 'casino' }, 'category'],
      ['an http icon', { iconUrl: 'http://cdn.example/icon.png' }, 'iconUrl'],
      ['an empty name', { name: '' }, 'name'],
      ['a blank name', { name: '   ' }, 'name'],
      ['an unknown client type', { clientType: 'trusted' }, 'clientType'],
    ])('refuses an app with %s and stores nothing', async (_what, overrides, field) => {
      const before = await appCount();
      const response = await host.post('/developer/apps', {
        token: developer.token,
        body: appBody(overrides),
      });
      expectProblem(response, 400, 'validation_failed');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await appCount()).toBe(before);
    });

    it('lists, edits and deletes only the developer’s own apps', async () => {
      const other = await factory.newUser('otherdev');
      await host.post('/developer/registration', { token: other.token });
      const app = await factory.newApp({ developer });

      const mine = await host.get('/developer/apps', { token: developer.token });
      expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(app.id);
      const theirs = await host.get('/developer/apps', { token: other.token });
      expect(theirs.body.items).toEqual([]);
      expectProblem(await host.get(`/developer/apps/${app.id}`, { token: other.token }), 404, 'not_found');
      expectProblem(
        await host.put(`/developer/apps/${app.id}`, { token: other.token, body: appBody() }),
        404,
        'not_found',
      );
      expectProblem(await host.delete(`/developer/apps/${app.id}`, { token: other.token }), 404, 'not_found');

      const edited = await host.put(`/developer/apps/${app.id}`, {
        token: developer.token,
        body: appBody({ name: 'Lucky Draw 2', iconUrl: 'https://cdn.example/icon.png' }),
      });
      expect(edited.body).toMatchObject({ name: 'Lucky Draw 2', iconUrl: 'https://cdn.example/icon.png' });

      expect((await host.delete(`/developer/apps/${app.id}`, { token: developer.token })).status).toBe(204);
      expectProblem(
        await host.get(`/developer/apps/${app.id}`, { token: developer.token }),
        404,
        'not_found',
      );
    });

    it('lets an approved app drop scopes but not add any without review', async () => {
      const app = await factory.newApp({ developer, scopes: ['profile:read', 'friends:read'] });
      await factory.approveApp(app);
      const wider = await host.put(`/developer/apps/${app.id}`, {
        token: developer.token,
        body: appBody({ scopes: ['profile:read', 'friends:read', 'storage'], optionalScopes: [] }),
      });
      expectProblem(wider, 409, 'review_required');
      const [stored] = await host.sql<{ scopes: string[] }>('select scopes from app where id = ?', [app.id]);
      expect(stored.scopes).toEqual(['profile:read', 'friends:read']);

      const narrower = await host.put(`/developer/apps/${app.id}`, {
        token: developer.token,
        body: appBody({ scopes: ['profile:read'], optionalScopes: [] }),
      });
      expect(narrower.body.scopes).toEqual(['profile:read']);
    });

    it('rotates the secret: the old one stops authenticating at once, the new one works', async () => {
      const app = await factory.newApp({ developer });
      const oauth = new OAuthTestClient(host);
      const rotated = await host.post(`/developer/apps/${app.id}/secret`, { token: developer.token });
      expect(rotated.status).toBe(200);
      expect(rotated.body.clientSecret).toMatch(/^kjs_/);
      expect(rotated.body.clientSecret).not.toBe(app.clientSecret);
      expect((await oauth.introspect(app, 'any-token')).status).toBe(401);
      const withNewSecret = await oauth.introspect(
        { ...app, clientSecret: rotated.body.clientSecret },
        'any-token',
      );
      expect({ status: withNewSecret.status, body: withNewSecret.body }).toEqual({
        status: 200,
        body: { active: false },
      });
    });
  });

  describe('testers', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await factory.newApp({ developer });
    });

    it('adds, lists and removes testers', async () => {
      const tester = await factory.newUser('tester');
      expect(
        (await host.put(`/developer/apps/${app.id}/testers/${tester.id}`, { token: developer.token })).status,
      ).toBe(204);
      // Adding twice is harmless.
      expect(
        (await host.put(`/developer/apps/${app.id}/testers/${tester.id}`, { token: developer.token })).status,
      ).toBe(204);
      const listed = await host.get(`/developer/apps/${app.id}/testers`, { token: developer.token });
      expect(listed.body.items.map((item: { user: { id: string } }) => item.user.id)).toEqual([tester.id]);

      expect(
        (await host.delete(`/developer/apps/${app.id}/testers/${tester.id}`, { token: developer.token }))
          .status,
      ).toBe(204);
      expectProblem(
        await host.delete(`/developer/apps/${app.id}/testers/${tester.id}`, { token: developer.token }),
        404,
        'not_found',
      );
    });

    it('refuses the developer, unknown users, and a 21st tester', async () => {
      expectProblem(
        await host.put(`/developer/apps/${app.id}/testers/${developer.id}`, { token: developer.token }),
        409,
        'cannot_target_self',
      );
      expectProblem(
        await host.put(`/developer/apps/${app.id}/testers/01890000-0000-7000-8000-000000000000`, {
          token: developer.token,
        }),
        404,
        'not_found',
      );
      const full = await factory.newApp({ developer });
      const testers = await Promise.all(Array.from({ length: 21 }, () => factory.newUser('t')));
      const results = await Promise.all(
        testers.map((tester) =>
          host.put(`/developer/apps/${full.id}/testers/${tester.id}`, { token: developer.token }),
        ),
      );
      expect(results.filter((result) => result.status === 204)).toHaveLength(20);
      expect(results.filter((result) => result.status === 409).map((result) => result.body.code)).toEqual([
        'limit_reached',
      ]);
    });
  });

  describe('admin review', () => {
    let admin: TestUser;
    beforeAll(async () => {
      admin = await factory.admin();
    });

    it('is for admins only', async () => {
      const app = await factory.newApp({ developer });
      expectProblem(await host.get('/admin/apps', { token: developer.token }), 403, 'forbidden');
      expectProblem(
        await host.post(`/admin/apps/${app.id}/approve`, { token: developer.token, body: {} }),
        403,
        'forbidden',
      );
    });

    it('approves, rejects with reasons, suspends and reinstates, recording who and why', async () => {
      const app = await factory.newApp({ developer });
      const pending = await host.get('/admin/apps', { token: admin.token, query: { status: 'development' } });
      expect(pending.body.items.map((item: { id: string }) => item.id)).toContain(app.id);

      const rejected = await host.post(`/admin/apps/${app.id}/reject`, {
        token: admin.token,
        body: { reason: 'The icon is missing' },
      });
      expect(rejected.body.app).toMatchObject({ status: 'rejected', statusReason: 'The icon is missing' });
      const seenByDeveloper = await host.get(`/developer/apps/${app.id}`, { token: developer.token });
      expect(seenByDeveloper.body).toMatchObject({ status: 'rejected', statusReason: 'The icon is missing' });

      await host.post(`/admin/apps/${app.id}/approve`, { token: admin.token, body: {} });
      await host.post(`/admin/apps/${app.id}/suspend`, {
        token: admin.token,
        body: { reason: 'Spam stories' },
      });
      const reinstated = await host.post(`/admin/apps/${app.id}/reinstate`, { token: admin.token, body: {} });
      expect(reinstated.body.app).toMatchObject({ status: 'approved', statusReason: null });
      expect(
        reinstated.body.history.map(
          (change: { fromStatus: string; toStatus: string; reason: string | null }) => [
            change.fromStatus,
            change.toStatus,
            change.reason,
          ],
        ),
      ).toEqual([
        ['development', 'rejected', 'The icon is missing'],
        ['rejected', 'approved', null],
        ['approved', 'suspended', 'Spam stories'],
        ['suspended', 'approved', null],
      ]);
      expect(
        reinstated.body.history.every((change: { actor: { id: string } }) => change.actor.id === admin.id),
      ).toBe(true);
    });

    it('refuses moves the state machine does not allow, and reasons where they are required', async () => {
      const app = await factory.newApp({ developer });
      expectProblem(
        await host.post(`/admin/apps/${app.id}/reinstate`, { token: admin.token, body: {} }),
        409,
        'app_status_conflict',
      );
      expectProblem(
        await host.post(`/admin/apps/${app.id}/reject`, { token: admin.token, body: {} }),
        400,
        'validation_failed',
      );
      await factory.approveApp(app);
      expectProblem(
        await host.post(`/admin/apps/${app.id}/approve`, { token: admin.token, body: {} }),
        409,
        'app_status_conflict',
      );
      expectProblem(
        await host.post('/admin/apps/01890000-0000-7000-8000-000000000000/approve', {
          token: admin.token,
          body: {},
        }),
        404,
        'not_found',
      );
      const [{ n }] = await host.sql<{ n: string }>(
        'select count(*) as n from app_status_change where app_id = ?',
        [app.id],
      );
      expect(Number(n)).toBe(1);
    });
  });

  describe("a user's authorized apps", () => {
    it('lists what the user allowed each app, and revoking ends its tokens at once', async () => {
      const user = await factory.newUser();
      const app = await factory.newApp({ developer, optionalScopes: ['storage'] });
      await factory.approveApp(app);
      const oauth = new OAuthTestClient(host);
      const tokens = await oauth.authorizeTokens(user, app, { untick: ['storage'] });

      const listed = await host.get('/me/authorized-apps', { token: user.token });
      expect(listed.body.items).toEqual([
        {
          appId: app.id,
          name: expect.any(String),
          iconUrl: null,
          developerName: developer.username,
          scopes: [
            { scope: 'profile:read', description: expect.stringContaining('nickname') },
            { scope: 'friends:read', description: expect.any(String) },
            { scope: 'feed:write', description: expect.any(String) },
          ],
          authorizedAt: expect.any(String),
        },
      ]);
      expect((await oauth.introspect(app, tokens.accessToken)).body.active).toBe(true);

      expect((await host.delete(`/me/authorized-apps/${app.id}`, { token: user.token })).status).toBe(204);
      expect((await host.get('/me/authorized-apps', { token: user.token })).body.items).toEqual([]);
      expect((await oauth.introspect(app, tokens.accessToken)).body).toEqual({ active: false });
      const refreshed = await oauth.token(app, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
      });
      expect(refreshed.body.error).toBe('invalid_grant');
      expectProblem(
        await host.delete(`/me/authorized-apps/${app.id}`, { token: user.token }),
        404,
        'not_found',
      );
    });

    it('gives each app its own stable openid for a user, which survives revoking and authorizing again', async () => {
      const user = await factory.newUser();
      const first = await factory.newApp({ developer });
      const second = await factory.newApp({ developer });
      await factory.approveApp(first);
      await factory.approveApp(second);
      const oauth = new OAuthTestClient(host);
      const a = await oauth.authorizeTokens(user, first);
      const b = await oauth.authorizeTokens(user, second);
      expect(a.openid).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(b.openid).not.toBe(a.openid);
      expect(a.openid).not.toContain(user.id);

      await host.delete(`/me/authorized-apps/${first.id}`, { token: user.token });
      expect((await oauth.authorizeTokens(user, first)).openid).toBe(a.openid);
    });

    it('starts empty, and revoking an app that was never authorized is a 404', async () => {
      const user = await factory.newUser();
      const app = await factory.newApp({ developer });
      expect((await host.get('/me/authorized-apps', { token: user.token })).body.items).toEqual([]);
      expectProblem(
        await host.delete(`/me/authorized-apps/${app.id}`, { token: user.token }),
        404,
        'not_found',
      );
    });
  });
});
