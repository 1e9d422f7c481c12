import { DatabaseService } from '../database/database.module';
import { expectProblem } from '../testing/expect-problem';
import { TestApp, TestFactory, TestUser } from '../testing/factory';
import { OAuthTestClient } from '../testing/oauth-client';
import { TestHost } from '../testing/test-host';
import { AppsService } from './apps.service';
import type { Scope } from './scopes';

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
  const listing = (overrides: Record<string, unknown> = {}) => ({
    name: 'Lucky Draw',
    description: 'Draw a friend',
    category: 'games',
    ...overrides,
  });
  const manifest = (overrides: Record<string, unknown> = {}) => ({
    redirectUris: ['https://lucky.example/callback'],
    scopes: ['profile:read'],
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

    it.each([
      [
        ['http://lucky.example/callback'],
        'redirectUris[0] must use https, or http on a loopback address (127.0.0.1, [::1] or localhost)',
      ],
      [
        ['https://lucky.example/callback', 'http://192.168.1.20:4000/callback'],
        'redirectUris[1] must use https, or http on a loopback address (127.0.0.1, [::1] or localhost)',
      ],
      [['https://lucky.example/callback#top'], 'redirectUris[0] must not contain a fragment'],
      [['/callback'], 'redirectUris[0] must be an absolute URL, such as https://app.example/path'],
    ])('says which rule the redirect URIs %j break', async (redirectUris, message) => {
      const response = await host.post('/developer/apps', {
        token: developer.token,
        body: appBody({ redirectUris }),
      });
      expectProblem(response, 400, 'validation_failed');
      expect(response.body.errors).toEqual([{ field: 'redirectUris', message }]);
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
        await host.put(`/developer/apps/${app.id}`, { token: other.token, body: listing() }),
        404,
        'not_found',
      );
      expectProblem(await host.delete(`/developer/apps/${app.id}`, { token: other.token }), 404, 'not_found');

      const edited = await host.put(`/developer/apps/${app.id}`, {
        token: developer.token,
        body: listing({ name: 'Lucky Draw 2', iconUrl: 'https://cdn.example/icon.png' }),
      });
      expect(edited.body).toMatchObject({ name: 'Lucky Draw 2', iconUrl: 'https://cdn.example/icon.png' });

      expect((await host.delete(`/developer/apps/${app.id}`, { token: developer.token })).status).toBe(204);
      expectProblem(
        await host.get(`/developer/apps/${app.id}`, { token: developer.token }),
        404,
        'not_found',
      );
    });

    it('takes versions from draft through review to published, each move recorded, and refuses the rest', async () => {
      const admin = await factory.admin();
      const app = await factory.newApp({ developer, scopes: ['profile:read'] });
      const base = `/developer/apps/${app.id}/versions`;
      const move = (number: number, action: string, token = developer.token, body = {}) =>
        host.post(
          action === 'approve' || action === 'reject'
            ? `/admin/apps/${app.id}/versions/${number}/${action}`
            : `${base}/${number}/${action}`,
          { token: action === 'approve' || action === 'reject' ? admin.token : token, body },
        );
      const first = await host.get(base, { token: developer.token });
      expect(first.body.items).toMatchObject([
        { number: 1, status: 'draft', manifest: { scopes: ['profile:read'] } },
      ]);

      const edited = await host.patch(`${base}/1`, {
        token: developer.token,
        body: manifest({ scopes: ['profile:read', 'storage'], versionName: '0.1' }),
      });
      expect(edited.body).toMatchObject({
        status: 'draft',
        manifest: { versionName: '0.1', scopes: ['profile:read', 'storage'] },
      });
      // In development the app follows its newest version, so the developer tries what they wrote.
      expect((await host.get(`/developer/apps/${app.id}`, { token: developer.token })).body).toMatchObject({
        status: 'development',
        publishedVersion: null,
        scopes: ['profile:read', 'storage'],
      });

      expectProblem(
        await host.post(base, { token: developer.token, body: manifest() }),
        409,
        'app_status_conflict',
      );
      expectProblem(await move(1, 'publish'), 409, 'app_status_conflict');
      expectProblem(await move(1, 'approve'), 409, 'app_status_conflict');
      expect((await move(1, 'submit')).body.status).toBe('submitted');
      expectProblem(await move(1, 'submit'), 409, 'app_status_conflict');
      expectProblem(
        await host.patch(`${base}/1`, { token: developer.token, body: manifest() }),
        409,
        'app_status_conflict',
      );
      const queue = await host.get('/admin/app-versions', { token: admin.token });
      expect(queue.body.items).toContainEqual(
        expect.objectContaining({
          app: expect.objectContaining({ id: app.id }),
          version: expect.objectContaining({ number: 1 }),
        }),
      );
      const rejected = await move(1, 'reject', admin.token, { reason: 'Say what storage is for' });
      expect(rejected.body.versions[0]).toMatchObject({
        status: 'rejected',
        statusReason: 'Say what storage is for',
      });
      expectProblem(await move(1, 'approve'), 409, 'app_status_conflict');

      expect((await host.post(base, { token: developer.token, body: manifest() })).status).toBe(201);
      await move(2, 'submit');
      await move(2, 'approve', admin.token, { reason: 'Fine' });
      expectProblem(await move(2, 'submit'), 409, 'app_status_conflict');
      expect((await move(2, 'publish')).body.status).toBe('published');
      expect((await host.get(`/developer/apps/${app.id}`, { token: developer.token })).body).toMatchObject({
        status: 'published',
        publishedVersion: 2,
        scopes: ['profile:read'],
      });

      // A wider version changes nothing for users until it is published.
      await host.post(base, {
        token: developer.token,
        body: manifest({ scopes: ['profile:read', 'feed:write'] }),
      });
      await move(3, 'submit');
      await move(3, 'approve');
      expect((await host.get(`/developer/apps/${app.id}`, { token: developer.token })).body.scopes).toEqual([
        'profile:read',
      ]);
      await move(3, 'publish');
      const view = await host.get(`/admin/apps/${app.id}`, { token: admin.token });
      expect(view.body.app).toMatchObject({ publishedVersion: 3, scopes: ['profile:read', 'feed:write'] });
      expect(view.body.versions.map((version: { status: string }) => version.status)).toEqual([
        'published',
        'superseded',
        'rejected',
      ]);
      expect(
        view.body.history.map(
          (change: {
            versionNumber: number | null;
            fromStatus: string;
            toStatus: string;
            actor: { id: string };
            reason: string | null;
          }) => [
            change.versionNumber,
            change.fromStatus,
            change.toStatus,
            change.actor.id === admin.id ? 'admin' : 'developer',
            change.reason,
          ],
        ),
      ).toEqual([
        [1, 'draft', 'submitted', 'developer', null],
        [1, 'submitted', 'rejected', 'admin', 'Say what storage is for'],
        [2, 'draft', 'submitted', 'developer', null],
        [2, 'submitted', 'approved', 'admin', 'Fine'],
        [2, 'approved', 'published', 'developer', null],
        [null, 'development', 'published', 'developer', null],
        [3, 'draft', 'submitted', 'developer', null],
        [3, 'submitted', 'approved', 'admin', null],
        [2, 'published', 'superseded', 'developer', 'Replaced by version 3'],
        [3, 'approved', 'published', 'developer', null],
      ]);
    });

    it('refuses webhook URLs on private networks outside development mode, at registration and in versions', async () => {
      const production = await TestHost.start({ devMode: false });
      try {
        const productionFactory = new TestFactory(production);
        const app = await productionFactory.newApp();
        const privateHook = { webhookUrl: 'https://10.1.2.3/hooks' };
        const refusals = [
          await production.post('/developer/apps', {
            token: app.developer.token,
            body: appBody(privateHook),
          }),
          await production.patch(`/developer/apps/${app.id}/versions/1`, {
            token: app.developer.token,
            body: manifest({ webhookUrl: 'https://127.0.0.1/hooks' }),
          }),
        ];
        for (const refused of refusals) {
          expectProblem(refused, 400, 'validation_failed');
          expect(refused.body.errors).toMatchObject([{ field: 'webhookUrl' }]);
        }
        const [stored] = await production.sql<{ manifest: { webhookUrl: string | null } }>(
          'select manifest from app_version where app_id = ?',
          [app.id],
        );
        expect(stored.manifest.webhookUrl).toBeNull();
      } finally {
        await production.close();
      }
      // In development mode a local receiver is fine.
      const local = await host.post('/developer/apps', {
        token: developer.token,
        body: appBody({ webhookUrl: 'http://127.0.0.1:4000/hooks' }),
      });
      expect(local.body.app.webhookUrl).toBe('http://127.0.0.1:4000/hooks');
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

    it('adds a tester by username in any letter case, once, and says who and since when', async () => {
      const tester = await factory.newUser('Named');
      const add = (username: string) =>
        host.post(`/developer/apps/${app.id}/testers`, { token: developer.token, body: { username } });
      const added = await add(tester.username.toUpperCase());
      expect(added.status).toBe(200);
      expect(added.body).toEqual({
        user: expect.objectContaining({ id: tester.id, username: tester.username }),
        addedAt: expect.any(String),
      });
      expect((await add(tester.username)).body).toEqual(added.body);
      const listed = await host.get(`/developer/apps/${app.id}/testers`, { token: developer.token });
      expect(listed.body.items).toContainEqual(added.body);
    });

    it('refuses unknown usernames, other developers, non-developers and bad bodies, adding nobody', async () => {
      const testers = async () =>
        (
          await host.sql<{ n: number }>('select count(*)::int as n from app_tester where app_id = ?', [
            app.id,
          ])
        )[0].n;
      const before = await testers();
      const tester = await factory.newUser('wanted');
      const add = (body: unknown, token = developer.token, appId = app.id) =>
        host.post(`/developer/apps/${appId}/testers`, { token, body });

      const unknown = await add({ username: 'nobody_has_this_name' });
      expectProblem(unknown, 404, 'unknown_username');
      expect(unknown.body.detail).toContain('nobody_has_this_name');
      expectProblem(await add({ username: developer.username }), 409, 'cannot_target_self');

      const stranger = await factory.newUser('stranger');
      await host.post('/developer/registration', { token: stranger.token });
      // Someone else's app is not found, whether or not the username exists.
      expectProblem(await add({ username: tester.username }, stranger.token), 404, 'not_found');
      expectProblem(await add({ username: 'nobody_has_this_name' }, stranger.token), 404, 'not_found');
      expectProblem(
        await add({ username: tester.username }, developer.token, '01890000-0000-7000-8000-000000000000'),
        404,
        'not_found',
      );
      const plain = await factory.newUser('plain');
      expectProblem(await add({ username: tester.username }, plain.token), 403, 'forbidden');
      expectProblem(
        await host.post(`/developer/apps/${app.id}/testers`, { body: { username: tester.username } }),
        401,
        'unauthenticated',
      );
      for (const body of [
        {},
        { username: '' },
        { username: 'has space' },
        { username: 'a\u0000b' },
        { username: 'x'.repeat(33) },
        { username: 7 },
        { username: tester.username, extra: 1 },
      ]) {
        expectProblem(await add(body), 400, 'validation_failed');
      }
      expect(await testers()).toBe(before);
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
      await host.post(`/developer/apps/${app.id}/versions/1/submit`, { token: developer.token, body: {} });
      expectProblem(await host.get('/admin/apps', { token: developer.token }), 403, 'forbidden');
      expectProblem(await host.get('/admin/app-versions', { token: developer.token }), 403, 'forbidden');
      expectProblem(
        await host.post(`/admin/apps/${app.id}/versions/1/approve`, { token: developer.token, body: {} }),
        403,
        'forbidden',
      );
    });

    it('suspends and reinstates an app, recording who and why', async () => {
      const app = await factory.newApp({ developer });
      const pending = await host.get('/admin/apps', { token: admin.token, query: { status: 'development' } });
      expect(pending.body.items.map((item: { id: string }) => item.id)).toContain(app.id);
      await host.post(`/admin/apps/${app.id}/suspend`, { token: admin.token, body: { reason: 'Spam' } });
      const back = await host.post(`/admin/apps/${app.id}/reinstate`, { token: admin.token, body: {} });
      expect(back.body.app).toMatchObject({ status: 'development', statusReason: null });

      await factory.approveApp(app);
      const suspended = await host.post(`/admin/apps/${app.id}/suspend`, {
        token: admin.token,
        body: { reason: 'Spam stories' },
      });
      expect(suspended.body.app).toMatchObject({ status: 'suspended', statusReason: 'Spam stories' });
      const seenByDeveloper = await host.get(`/developer/apps/${app.id}`, { token: developer.token });
      expect(seenByDeveloper.body).toMatchObject({ status: 'suspended', statusReason: 'Spam stories' });
      const reinstated = await host.post(`/admin/apps/${app.id}/reinstate`, { token: admin.token, body: {} });
      expect(reinstated.body.app).toMatchObject({ status: 'published', statusReason: null });
      const appLevel = reinstated.body.history.filter(
        (change: { versionNumber: number | null }) => change.versionNumber === null,
      );
      expect(
        appLevel.map(
          (change: {
            fromStatus: string;
            toStatus: string;
            reason: string | null;
            actor: { id: string };
          }) => [change.fromStatus, change.toStatus, change.reason, change.actor.id === admin.id],
        ),
      ).toEqual([
        ['development', 'suspended', 'Spam', true],
        ['suspended', 'development', null, true],
        ['development', 'published', null, false],
        ['published', 'suspended', 'Spam stories', true],
        ['suspended', 'published', null, true],
      ]);
    });

    it('refuses moves the state machine does not allow, and reasons where they are required', async () => {
      const app = await factory.newApp({ developer });
      const history = async () =>
        Number(
          (
            await host.sql<{ n: string }>('select count(*) as n from app_status_change where app_id = ?', [
              app.id,
            ])
          )[0].n,
        );
      expectProblem(
        await host.post(`/admin/apps/${app.id}/reinstate`, { token: admin.token, body: {} }),
        409,
        'app_status_conflict',
      );
      await host.post(`/developer/apps/${app.id}/versions/1/submit`, { token: developer.token, body: {} });
      expectProblem(
        await host.post(`/admin/apps/${app.id}/versions/1/reject`, { token: admin.token, body: {} }),
        400,
        'validation_failed',
      );
      expectProblem(
        await host.post(`/admin/apps/${app.id}/versions/1/reject`, {
          token: admin.token,
          body: { reason: '   ' },
        }),
        400,
        'validation_failed',
      );
      expectProblem(
        await host.post(`/admin/apps/${app.id}/suspend`, { token: admin.token, body: {} }),
        400,
        'validation_failed',
      );
      for (const url of [
        '/admin/apps/01890000-0000-7000-8000-000000000000/versions/1/approve',
        `/admin/apps/${app.id}/versions/2/approve`,
        `/admin/apps/${app.id}/versions/0/approve`,
        `/admin/apps/${app.id}/versions/99999999999/approve`,
        `/admin/apps/${app.id}/versions/one/approve`,
      ]) {
        expectProblem(await host.post(url, { token: admin.token, body: {} }), 404, 'not_found');
      }
      expect(await history()).toBe(1);
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

  describe('built-in apps', () => {
    const spec = {
      pluginId: 'sample',
      name: 'Sample',
      description: 'A built-in sample',
      category: 'tools' as const,
      iconUrl: null,
      canvasUrl: 'http://127.0.0.1/apps/sample/',
      scopes: ['profile:read', 'storage'] as Scope[],
      optionalScopes: [] as Scope[],
      events: ['app.installed' as const],
      version: '1.0.0',
    };
    const register = (changes: Partial<typeof spec> = {}) =>
      host.app
        .get(DatabaseService)
        .withContext(() => host.app.get(AppsService).registerBuiltIn({ ...spec, ...changes }));

    it('registers a plugin once as a published public app of the platform, and follows its manifest', async () => {
      const first = await register();
      const again = await register({ description: 'Now better', scopes: ['profile:read', 'feed:write'] });
      expect(again).toMatchObject({
        id: first.id,
        clientId: first.clientId,
        clientType: 'public',
        redirectUris: [],
        ownerName: 'kongjian',
        description: 'Now better',
        scopes: ['profile:read', 'feed:write'],
      });
      expect(first).toMatchObject({
        status: 'published',
        publishedVersion: 1,
        pluginId: 'sample',
        canvasUrl: spec.canvasUrl,
      });
      expect(again.publishedVersion).toBe(2);
      expect(
        (await register({ description: 'Now better', scopes: ['profile:read', 'feed:write'] }))
          .publishedVersion,
      ).toBe(2);
      const found = await host.app
        .get(DatabaseService)
        .withContext(() => host.app.get(AppsService).findByPluginId('sample'));
      expect(found?.id).toBe(first.id);
      const [owner] = await host.sql<{ n: string }>(
        "select count(*) as n from user_account where username_key = 'kongjian'",
      );
      expect(Number(owner.n)).toBe(1);
      expectProblem(
        await host.post('/sessions', { body: { username: 'kongjian', password: '!' } }),
        401,
        'invalid_credentials',
      );
    });
  });
});
