import { randomBytes } from 'node:crypto';
import { AuthorizationsService } from '../apps/authorizations.service';
import { LIMITS } from '../common/limits';
import { DatabaseService } from '../database/database.module';
import { expectProblem } from '../testing/expect-problem';
import { TestUser } from '../testing/factory';
import { factory, host } from '../testing/file-host';
import { newPkcePair } from '../testing/oauth-client';
import {
  DAY_MS,
  developer,
  eventsOf,
  install,
  oauth,
  openidOf,
  publishedApp,
  useAppCenterHost,
} from './app-center.e2e-setup';

describe('app center (browse, install, uninstall, ratings, launch, invites)', () => {
  useAppCenterHost();

  describe('browsing', () => {
    it('lists published apps only, newest first, by category and by name in any case or script', async () => {
      const tag = randomBytes(3).toString('hex');
      const farm = await publishedApp({ name: `开心农场 Farm ${tag}` });
      const draw = await publishedApp({ name: `Lucky Draw ${tag}` });
      await factory.newApp({ developer, name: `Unpublished ${tag}` });
      const user = await factory.newUser();

      const search = (query: Record<string, string | number>) =>
        host.get('/app-center/apps', { token: user.token, query: { q: tag, ...query } });
      expect((await search({})).body.items.map((item: { id: string }) => item.id)).toEqual([
        draw.id,
        farm.id,
      ]);
      expect((await search({ q: `农场 farm ${tag.toUpperCase()}` })).body.items).toMatchObject([
        { id: farm.id },
      ]);
      expect((await search({ category: 'tools' })).body.items).toEqual([]);

      const first = await search({ limit: 1 });
      expect(first.body.items).toMatchObject([
        { id: draw.id, installCount: 0, rating: { average: null, count: 0 } },
      ]);
      const second = await search({ limit: 1, cursor: first.body.nextCursor });
      expect(second.body).toMatchObject({ items: [{ id: farm.id }], nextCursor: null });
      expectProblem(await search({ cursor: 'nonsense' }), 400, 'invalid_cursor');

      const admin = await factory.admin();
      await host.post(`/admin/apps/${farm.id}/suspend`, { token: admin.token, body: { reason: 'Spam' } });
      expect((await search({})).body.items.map((item: { id: string }) => item.id)).toEqual([draw.id]);
      expectProblem(await host.get(`/app-center/apps/${farm.id}`, { token: user.token }), 404, 'not_found');
      expectProblem(await host.get('/app-center/apps', { query: { q: tag } }), 401, 'unauthenticated');
    });

    it('shows an app: scopes in plain words, developer, installs and rating, and my installation', async () => {
      const app = await publishedApp();
      const user = await factory.newUser();
      const detail = await host.get(`/app-center/apps/${app.id}`, { token: user.token });
      expect(detail.body).toMatchObject({
        id: app.id,
        developer: { id: developer.id, nickname: developer.username },
        installCount: 0,
        hasCanvas: true,
        builtIn: false,
        installation: null,
        scopes: [
          { scope: 'profile:read', description: expect.stringContaining('nickname'), optional: false },
          { scope: 'storage', description: expect.any(String), optional: true },
        ],
      });
    });

    it('keeps apps in development to their developer and testers', async () => {
      const app = await factory.newApp({ developer });
      const [tester, stranger] = [await factory.newUser(), await factory.newUser()];
      await host.put(`/developer/apps/${app.id}/testers/${tester.id}`, { token: developer.token });
      expectProblem(
        await host.get(`/app-center/apps/${app.id}`, { token: stranger.token }),
        404,
        'not_found',
      );
      expectProblem(await install(stranger, app), 404, 'not_found');
      expect((await install(tester, app)).body.installation).not.toBeNull();
      expect((await install(developer, app)).status).toBe(200);
    });
  });

  describe('installing and uninstalling', () => {
    it('installs once (declining optional scopes), tells the app, and uninstalling ends its tokens', async () => {
      const app = await publishedApp();
      const user = await factory.newUser();
      expectProblem(await install(user, app, { declinedScopes: ['profile:read'] }), 400, 'validation_failed');
      const installed = await install(user, app, { declinedScopes: ['storage'] });
      expect(installed.body).toMatchObject({
        installCount: 1,
        installation: { scopes: [{ scope: 'profile:read' }], pendingScopes: [] },
      });
      expect((await install(user, app, { declinedScopes: ['storage'] })).body.installCount).toBe(1);
      const mine = await host.get('/me/apps', { token: user.token });
      expect(mine.body.items).toMatchObject([{ id: app.id, canvasUrl: 'https://canvas.example/play' }]);

      // The install was the consent: OAuth goes straight back to the app.
      const tokens = await oauth.authorizeTokens(user, app, { scopes: ['profile:read'] });
      expect((await oauth.introspect(app, tokens.accessToken)).body.active).toBe(true);

      expect((await host.delete(`/app-center/apps/${app.id}/install`, { token: user.token })).status).toBe(
        204,
      );
      expect((await oauth.introspect(app, tokens.accessToken)).body).toEqual({ active: false });
      expect((await host.get('/me/apps', { token: user.token })).body.items).toEqual([]);
      expectProblem(
        await host.delete(`/app-center/apps/${app.id}/install`, { token: user.token }),
        404,
        'not_found',
      );

      await install(user, app);
      await host.delete(`/me/authorized-apps/${app.id}`, { token: user.token });
      const openid = await openidOf(user, app);
      expect(await eventsOf(app)).toEqual([
        { type: 'app.installed', user: openid },
        { type: 'app.uninstalled', user: openid },
        { type: 'app.installed', user: openid },
        { type: 'app.deauthorized', user: openid },
      ]);
    });

    it('installs concurrently once', async () => {
      const app = await publishedApp();
      const user = await factory.newUser();
      const responses = await Promise.all([install(user, app), install(user, app), install(user, app)]);
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
      expect((await eventsOf(app)).map((event) => event.type)).toEqual(['app.installed']);
    });

    it('tells the app once when the user installs it through the OAuth consent page, whichever way comes next', async () => {
      const app = await publishedApp();
      const user = await factory.newUser();
      await oauth.authorizeTokens(user, app, { scopes: ['profile:read'] });
      const openid = await openidOf(user, app);
      expect(await eventsOf(app)).toEqual([{ type: 'app.installed', user: openid }]);
      expect((await host.get('/me/apps', { token: user.token })).body.items).toMatchObject([{ id: app.id }]);

      // Consenting to more, and installing from the app center, are the same installation.
      await oauth.authorizeTokens(user, app, { scopes: app.scopes });
      expect((await install(user, app)).status).toBe(200);
      expect(await eventsOf(app)).toEqual([{ type: 'app.installed', user: openid }]);

      const racer = await factory.newUser();
      await Promise.all([
        oauth.authorizeTokens(racer, app, { scopes: ['profile:read'] }),
        install(racer, app),
        oauth.authorizeTokens(racer, app, { scopes: ['profile:read'] }),
      ]);
      const racerOpenid = await openidOf(racer, app);
      expect((await eventsOf(app)).filter((event) => event.user === racerOpenid)).toEqual([
        { type: 'app.installed', user: racerOpenid },
      ]);
    });

    it("keeps the app's storage for the user through the grace period, and the sweep deletes it after", async () => {
      const app = await publishedApp();
      const user = await factory.newUser();
      await install(user, app);
      const store = () =>
        host.sql(
          `insert into app_storage (app_id, user_id, key, value, bytes, revision, updated_at)
           values (?, ?, 'save', '{"level": 3}'::jsonb, 12, gen_random_uuid(), now())
           on conflict do nothing`,
          [app.id, user.id],
        );
      const stored = async () =>
        (await host.sql('select 1 from app_storage where app_id = ? and user_id = ?', [app.id, user.id]))
          .length;
      const sweep = () =>
        host.app.get(DatabaseService).withContext(() => host.app.get(AuthorizationsService).sweepStorage());
      await store();

      await host.delete(`/app-center/apps/${app.id}/install`, { token: user.token });
      host.clock.advance((LIMITS.appStorageGraceDays - 1) * DAY_MS);
      await sweep();
      expect(await stored()).toBe(1);
      await install(user, app);
      host.clock.advance(2 * DAY_MS);
      await sweep();
      expect(await stored()).toBe(1);

      await host.delete(`/app-center/apps/${app.id}/install`, { token: user.token });
      host.clock.advance((LIMITS.appStorageGraceDays + 1) * DAY_MS);
      await sweep();
      expect(await stored()).toBe(0);
    });

    it('asks existing users to consent to the scopes a newer version adds, and until then grants nothing more', async () => {
      const app = await publishedApp({ scopes: ['profile:read'] });
      const user = await factory.newUser();
      await install(user, app);
      const before = await oauth.authorizeTokens(user, app, { scopes: ['profile:read'] });

      const base = `/developer/apps/${app.id}/versions`;
      const wider = {
        redirectUris: app.redirectUris,
        scopes: ['profile:read', 'feed:write'],
        canvasUrl: 'https://canvas.example/play',
      };
      await host.post(base, { token: developer.token, body: wider });
      await factory.approveApp(app);

      const detail = await host.get(`/app-center/apps/${app.id}`, { token: user.token });
      expect(detail.body.installation).toMatchObject({
        scopes: [{ scope: 'profile:read' }],
        pendingScopes: [{ scope: 'feed:write' }],
      });
      expect((await oauth.introspect(app, before.accessToken)).body.scope).toBe('profile:read');
      // OAuth shows the consent page again rather than handing out the new scope silently.
      const page = await oauth.authorize(
        user,
        oauth.authorizeParams(app, newPkcePair(), { scopes: wider.scopes }),
      );
      expect(page.status).toBe(200);
      expect(page.text).toContain('以这个应用的名义在你的动态里发布内容');

      const accepted = await install(user, app);
      expect(accepted.body.installation).toMatchObject({
        scopes: [{ scope: 'profile:read' }, { scope: 'feed:write' }],
        pendingScopes: [],
      });
      const after = await oauth.authorizeTokens(user, app, { scopes: wider.scopes });
      expect(after.scope).toBe('profile:read feed:write');
    });
  });

  describe('ratings', () => {
    it('lets installed users rate once each, changeably, and shows the average', async () => {
      const app = await publishedApp();
      const [a, b] = [await factory.newUser(), await factory.newUser()];
      const rate = (user: TestUser, stars: unknown) =>
        host.put(`/app-center/apps/${app.id}/rating`, { token: user.token, body: { stars } });
      expectProblem(await rate(a, 4), 403, 'forbidden');
      await install(a, app);
      await install(b, app);
      expect((await rate(a, 4)).body).toMatchObject({
        rating: { average: 4, count: 1 },
        installation: { myRating: 4 },
      });
      expect((await rate(a, 2)).body.rating).toEqual({ average: 2, count: 1 });
      expect((await rate(b, 5)).body.rating).toEqual({ average: 3.5, count: 2 });
      for (const junk of [0, 6, 2.5, 'five']) expectProblem(await rate(a, junk), 400, 'validation_failed');
    });
  });
});
