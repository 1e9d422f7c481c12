import { expectProblem } from '../testing/expect-problem';
import { TestApp, TestUser } from '../testing/factory';
import { factory, host } from '../testing/file-host';
import { OAuthTestClient } from '../testing/oauth-client';
import { developer, useAppsHost } from './apps.e2e-setup';

describe('app registry (developers, testers, admin review)', () => {
  useAppsHost();

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
});
