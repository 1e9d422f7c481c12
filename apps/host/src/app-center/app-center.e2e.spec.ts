import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { AuthorizationsService } from '../apps/authorizations.service';
import { LIMITS } from '../common/limits';
import { DatabaseService } from '../database/database.module';
import { expectProblem } from '../testing/expect-problem';
import { TestApp, TestFactory, TestUser } from '../testing/factory';
import { newPkcePair, OAuthTestClient } from '../testing/oauth-client';
import { TestHost } from '../testing/test-host';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('app center (browse, install, uninstall, ratings, launch, invites)', () => {
  let host: TestHost;
  let factory: TestFactory;
  let oauth: OAuthTestClient;
  let developer: TestUser;

  beforeAll(async () => {
    host = await TestHost.start();
    factory = new TestFactory(host);
    oauth = new OAuthTestClient(host);
    developer = await factory.newUser('dev');
  });
  afterAll(() => host.close());

  /** A published app with a canvas; `storage` is optional. */
  async function publishedApp(options: { name?: string; scopes?: string[] } = {}): Promise<TestApp> {
    const app = await factory.newApp({
      developer,
      name: options.name,
      scopes: options.scopes ?? ['profile:read', 'storage'],
      optionalScopes: (options.scopes ?? ['storage']).includes('storage') ? ['storage'] : [],
    });
    const edited = await host.patch(`/developer/apps/${app.id}/versions/1`, {
      token: developer.token,
      body: { canvasUrl: 'https://canvas.example/play' },
    });
    expect(edited.status).toBe(200);
    await factory.approveApp(app);
    return app;
  }
  const install = (user: TestUser, app: { id: string }, body: object = {}) =>
    host.post(`/app-center/apps/${app.id}/install`, { token: user.token, body });
  const eventsOf = (app: { id: string }) =>
    host.sql<{ type: string; user: string }>(
      "select type, data->>'user' as user from app_event where app_id = ? order by created_at, id",
      [app.id],
    );
  const openidOf = async (user: TestUser, app: { id: string }) =>
    (
      await host.sql<{ openid: string }>(
        'select openid from app_authorization where app_id = ? and user_id = ?',
        [app.id, user.id],
      )
    )[0].openid;

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

  describe('canvas launch', () => {
    it('gives installed users the canvas and an ES256 launch token that verifies against the published key set', async () => {
      const app = await publishedApp();
      const user = await factory.newUser();
      expectProblem(
        await host.post(`/app-center/apps/${app.id}/launch`, { token: user.token }),
        403,
        'forbidden',
      );
      await install(user, app);
      const launched = await host.post(`/app-center/apps/${app.id}/launch`, { token: user.token });
      expect(launched.body.canvasUrl).toBe('https://canvas.example/play');

      const jwks = await host.get('/.well-known/jwks.json', { raw: true });
      expect(jwks.headers['cache-control']).toContain('max-age');
      const metadata = await host.get('/.well-known/oauth-authorization-server', { raw: true });
      expect(metadata.body.jwks_uri).toBe(`${host.config.publicUrl}/.well-known/jwks.json`);

      const [headerPart, claimsPart, signaturePart] = launched.body.launchToken.split('.');
      const header = JSON.parse(Buffer.from(headerPart, 'base64url').toString());
      const claims = JSON.parse(Buffer.from(claimsPart, 'base64url').toString());
      const jwk = jwks.body.keys.find((key: { kid: string }) => key.kid === header.kid) as JsonWebKey;
      expect(header).toMatchObject({ alg: 'ES256', typ: 'JWT' });
      const verifies = (input: string, signature: string) =>
        verify(
          'sha256',
          Buffer.from(input),
          { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
          Buffer.from(signature, 'base64url'),
        );
      expect(verifies(`${headerPart}.${claimsPart}`, signaturePart)).toBe(true);
      expect(claims).toMatchObject({
        iss: host.config.publicUrl,
        aud: app.clientId,
        sub: await openidOf(user, app),
      });
      expect(claims.nonce).toMatch(/^[A-Za-z0-9_-]{16,}$/);
      expect(claims.exp - claims.iat).toBeLessThanOrEqual(300);
      expect(new Date(launched.body.expiresAt).getTime()).toBe(claims.exp * 1000);

      const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url');
      expect(verifies(`${headerPart}.${forged}`, signaturePart)).toBe(false);
      const again = await host.post(`/app-center/apps/${app.id}/launch`, { token: user.token });
      expect(again.body.launchToken).not.toBe(launched.body.launchToken);
    });

    it('refuses to launch an app without a canvas', async () => {
      const app = await factory.newApp({ developer });
      await factory.approveApp(app);
      const user = await factory.newUser();
      await install(user, app);
      expectProblem(
        await host.post(`/app-center/apps/${app.id}/launch`, { token: user.token }),
        409,
        'conflict',
      );
    });
  });

  describe('invites', () => {
    it('invites friends who do not have the app, and refuses strangers and inviters without the app', async () => {
      const app = await publishedApp();
      const [inviter, friend, installedFriend, stranger] = [
        await factory.newUser(),
        await factory.newUser(),
        await factory.newUser(),
        await factory.newUser(),
      ];
      await factory.befriend(inviter, friend);
      await factory.befriend(inviter, installedFriend);
      const invite = (userIds: string[]) =>
        host.post(`/app-center/apps/${app.id}/invites`, { token: inviter.token, body: { userIds } });
      expectProblem(await invite([friend.id]), 403, 'forbidden');
      await install(inviter, app);
      await install(installedFriend, app);
      expectProblem(await invite([friend.id, stranger.id]), 403, 'not_friends');

      const sent = await invite([friend.id, installedFriend.id]);
      expect(sent.body).toEqual({
        invited: [friend.id],
        alreadyInvited: [],
        alreadyInstalled: [installedFriend.id],
        remainingToday: LIMITS.appInvitesPerDay - 1,
      });
      const notifications = await host.get('/notifications', { token: friend.token });
      expect(
        notifications.body.items.filter((item: { kind: string }) => item.kind === 'app_invite'),
      ).toMatchObject([{ kind: 'app_invite', actor: { id: inviter.id }, app: { id: app.id } }]);
      expect(
        (
          await host.sql("select 1 from notification where kind = 'app_invite' and recipient_id = ?", [
            stranger.id,
          ])
        ).length,
      ).toBe(0);
    });

    it('lists the friends to invite: not those with the app, each marked once invited, a page at a time', async () => {
      const app = await publishedApp();
      const inviter = await factory.newUser();
      const [first, second, installedFriend] = [
        await factory.newUser(),
        await factory.newUser(),
        await factory.newUser(),
      ];
      for (const friend of [first, second, installedFriend]) await factory.befriend(inviter, friend);
      await factory.newUser(); // a stranger, never listed
      const list = (query = '') =>
        host.get(`/app-center/apps/${app.id}/invitable-friends${query}`, { token: inviter.token });
      expectProblem(await list(), 403, 'forbidden');
      await install(inviter, app);
      await install(installedFriend, app);
      await host.post(`/app-center/apps/${app.id}/invites`, {
        token: inviter.token,
        body: { userIds: [second.id] },
      });

      const firstPage = await list('?limit=1');
      expect(firstPage.status).toBe(200);
      const secondPage = await list(`?limit=1&cursor=${firstPage.body.nextCursor}`);
      const items = [...firstPage.body.items, ...secondPage.body.items];
      expect(secondPage.body.nextCursor).toBeNull();
      expect(items).toHaveLength(2);
      const invitedOf = Object.fromEntries(
        items.map((item: { user: { id: string; username: string }; invited: boolean }) => [
          item.user.username,
          item.invited,
        ]),
      );
      expect(invitedOf).toEqual({ [first.username]: false, [second.username]: true });
      expectProblem(await list('?cursor=bm90LWEtY3Vyc29y'), 400, 'invalid_cursor');
    });

    it('invites a friend once: asking again sends nothing and spends nothing, and nobody invites themselves', async () => {
      const app = await publishedApp();
      const [inviter, friend] = [await factory.newUser(), await factory.newUser()];
      await factory.befriend(inviter, friend);
      await install(inviter, app);
      const invite = (userIds: string[]) =>
        host.post(`/app-center/apps/${app.id}/invites`, { token: inviter.token, body: { userIds } });

      expect((await invite([friend.id])).body.invited).toEqual([friend.id]);
      const again = await invite([friend.id]);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({
        invited: [],
        alreadyInvited: [friend.id],
        alreadyInstalled: [],
        remainingToday: LIMITS.appInvitesPerDay - 1,
      });
      const self = await invite([inviter.id]);
      expectProblem(self, 400, 'cannot_target_self');
      expect(self.body.detail).toBe('You cannot invite yourself');
      expect(
        await host.sql("select actor_id from notification where kind = 'app_invite' and recipient_id = ?", [
          friend.id,
        ]),
      ).toEqual([{ actor_id: inviter.id }]);
    });

    it('holds the daily quota under concurrent requests, and renews it the next day', async () => {
      const app = await publishedApp();
      const inviter = await factory.newUser();
      await install(inviter, app);
      const friends: TestUser[] = [];
      for (let i = 0; i < LIMITS.appInvitesPerDay + 10; i++) {
        const friend = await factory.newUser();
        await factory.befriend(inviter, friend);
        friends.push(friend);
      }
      const batches = Array.from({ length: 6 }, (_, batch) => friends.slice(batch * 5, batch * 5 + 5));
      const invite = (batch: TestUser[]) =>
        host.post(`/app-center/apps/${app.id}/invites`, {
          token: inviter.token,
          body: { userIds: batch.map((friend) => friend.id) },
        });
      const responses = await Promise.all(batches.map(invite));
      const ok = responses.filter((response) => response.status === 200);
      expect(ok).toHaveLength(LIMITS.appInvitesPerDay / 5);
      for (const refused of responses.filter((response) => response.status !== 200)) {
        expectProblem(refused, 429, 'quota_exceeded');
      }
      const [{ n }] = await host.sql<{ n: string }>(
        "select count(*) as n from notification where kind = 'app_invite' and actor_id = ?",
        [inviter.id],
      );
      expect(Number(n)).toBe(LIMITS.appInvitesPerDay);
      host.clock.advance(DAY_MS);
      const refusedBatch = batches[responses.findIndex((response) => response.status !== 200)];
      expect((await invite(refusedBatch)).body.invited).toEqual(refusedBatch.map((friend) => friend.id));
    });
  });
});
