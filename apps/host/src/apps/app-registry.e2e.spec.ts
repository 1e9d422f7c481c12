import { DatabaseService } from '../database/database.module';
import { expectProblem } from '../testing/expect-problem';
import { TestFactory } from '../testing/factory';
import { factory, host } from '../testing/file-host';
import { OAuthTestClient } from '../testing/oauth-client';
import { TestHost } from '../testing/test-host';
import { appBody, appCount, developer, listing, manifest, useAppsHost } from './apps.e2e-setup';
import { AppsService } from './apps.service';
import type { Scope } from './scopes';

describe('app registry (developers, testers, admin review)', () => {
  useAppsHost();

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
