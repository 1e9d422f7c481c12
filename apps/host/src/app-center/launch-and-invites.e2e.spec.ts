import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import { TestUser } from '../testing/factory';
import { factory, host } from '../testing/file-host';
import { DAY_MS, developer, install, openidOf, publishedApp, useAppCenterHost } from './app-center.e2e-setup';

describe('app center (browse, install, uninstall, ratings, launch, invites)', () => {
  useAppCenterHost();

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
