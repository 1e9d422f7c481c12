import { randomUUID } from 'node:crypto';
import { expectProblem } from '../testing/expect-problem';
import { type TestApp, type TestUser } from '../testing/factory';
import { OpenApiKit } from './open-api.testing';
import { factory, host, useFileHost } from '../testing/file-host';

describe('Open API: me and app friends (e2e)', () => {
  useFileHost({ bootstrapAdmin: { username: 'root', password: 'root-password' } });

  let kit: OpenApiKit;
  let app: TestApp;
  let otherApp: TestApp;
  let me: TestUser;
  let myToken: string;
  /** Friends of `me` who authorized the app, by openid. */
  const appFriends = new Map<string, TestUser>();
  let friendOpenid: string;
  let strangerOpenid: string;
  let revokedFriendOpenid: string;
  let blockedFriendOpenid: string;
  let friendOpenidInOtherApp: string;

  beforeAll(async () => {
    kit = new OpenApiKit(host, factory);
    app = await kit.approvedApp();
    otherApp = await kit.approvedApp();
    me = await factory.newUser('me');
    myToken = await kit.token(me, app);

    for (let i = 0; i < 5; i++) {
      const friend = await factory.newUser('friend');
      await factory.befriend(me, friend);
      appFriends.set(await kit.openid(await kit.token(friend, app)), friend);
    }
    [friendOpenid] = [...appFriends.keys()];
    friendOpenidInOtherApp = await kit.openid(await kit.token(appFriends.get(friendOpenid)!, otherApp));

    // A friend who does not use the app, and a stranger who does.
    await factory.befriend(me, await factory.newUser('offline'));
    strangerOpenid = await kit.openid(await kit.token(await factory.newUser('stranger'), app));

    // A friend who used the app and revoked it.
    const revoked = await factory.newUser('revoked');
    await factory.befriend(me, revoked);
    revokedFriendOpenid = await kit.openid(await kit.token(revoked, app));
    expect((await host.delete(`/me/authorized-apps/${app.id}`, { token: revoked.token })).status).toBe(204);

    // Friends who use the app but are in a block relation with me, either way.
    const blockedByMe = await factory.newUser('blocked');
    const blocksMe = await factory.newUser('blocker');
    for (const other of [blockedByMe, blocksMe]) await factory.befriend(me, other);
    blockedFriendOpenid = await kit.openid(await kit.token(blockedByMe, app));
    await kit.token(blocksMe, app);
    await factory.block(me, blockedByMe);
    await factory.block(blocksMe, me);
  });

  describe('GET /open/v1/me', () => {
    it('shows the user by openid with nickname, head portrait, level and VIP status', async () => {
      const profile = await host.patch('/space/profile', {
        token: me.token,
        body: { nickname: '小明', avatarUrl: 'https://img.example/me.png' },
      });
      expect(profile.status).toBe(200);
      const response = await host.get('/open/v1/me', { token: myToken });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        openid: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
        nickname: '小明',
        headPortraitUrl: 'https://img.example/me.png',
        level: 1,
        vip: { active: false, level: null },
      });
      // Nothing that joins the user across apps: no id, no username.
      expect(JSON.stringify(response.body)).not.toContain(me.id);
      expect(JSON.stringify(response.body)).not.toContain(me.username);
    });

    it('shows a running yellow-diamond membership with its level', async () => {
      const member = await factory.newUser('vip');
      const session = await host.post('/sessions', { body: { username: 'root', password: 'root-password' } });
      await host.post(`/admin/users/${member.id}/coin-grants`, {
        token: session.body.token,
        body: { amount: 1000, idempotencyKey: randomUUID() },
      });
      const bought = await host.post('/vip/purchases', {
        token: member.token,
        body: { months: 1, idempotencyKey: randomUUID() },
      });
      expect(bought.status).toBe(201);
      const response = await host.get('/open/v1/me', { token: await kit.token(member, app) });
      expect(response.body.vip).toEqual({ active: true, level: 1 });
    });

    it('gives each app its own stable openid for the same user', async () => {
      const again = await kit.token(me, app);
      expect(await kit.openid(again)).toBe(await kit.openid(myToken));
      expect(await kit.openid(await kit.token(me, otherApp))).not.toBe(await kit.openid(myToken));
    });
  });

  describe('GET /open/v1/friends', () => {
    it('lists exactly the friends who use the app', async () => {
      const response = await host.get('/open/v1/friends', { token: myToken, query: { limit: 100 } });
      expect(response.status).toBe(200);
      expect(response.body.items.map((item: { openid: string }) => item.openid).sort()).toEqual(
        [...appFriends.keys()].sort(),
      );
      expect(response.body.nextCursor).toBeNull();
      const friend = appFriends.get(friendOpenid)!;
      expect(response.body.items).toContainEqual({
        openid: friendOpenid,
        nickname: friend.username,
        headPortraitUrl: null,
        vip: { active: false, level: null },
      });
      // Never a stranger, a friend without the app, a friend who revoked it, or a block relation.
      expect(response.body.items).toHaveLength(appFriends.size);
      expect(JSON.stringify(response.body)).not.toContain(strangerOpenid);
      expect(JSON.stringify(response.body)).not.toContain(revokedFriendOpenid);
      expect(JSON.stringify(response.body)).not.toContain(blockedFriendOpenid);
    });

    it('pages with a cursor', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await host.get('/open/v1/friends', { token: myToken, query: { limit: 2, cursor } });
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((item: { openid: string }) => item.openid));
        cursor = page.body.nextCursor ?? undefined;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      const all = await host.get('/open/v1/friends', { token: myToken, query: { limit: 100 } });
      expect(seen).toEqual(all.body.items.map((item: { openid: string }) => item.openid));
    });

    it('refuses a bad cursor or page size', async () => {
      for (const query of [{ cursor: 'garbage!' }, { cursor: Buffer.from('x').toString('base64url') }]) {
        expectProblem(await host.get('/open/v1/friends', { token: myToken, query }), 400, 'invalid_cursor');
      }
      for (const limit of [0, 101, 'ten']) {
        expectProblem(
          await host.get('/open/v1/friends', { token: myToken, query: { limit } }),
          400,
          'validation_failed',
        );
      }
    });

    it('is empty for a user without friends', async () => {
      const loner = await kit.token(await factory.newUser('loner'), app);
      const response = await host.get('/open/v1/friends', { token: loner });
      expect(response.body).toEqual({ items: [], nextCursor: null });
    });
  });

  describe('GET /open/v1/friends/{openid}', () => {
    it('tells whether an openid of this app is an app friend', async () => {
      const friend = await host.get(`/open/v1/friends/${friendOpenid}`, { token: myToken });
      expect(friend.status).toBe(200);
      const noVip = { active: false, level: null };
      expect(friend.body).toEqual({ openid: friendOpenid, isFriend: true, vip: noVip });
      for (const openid of [
        strangerOpenid,
        revokedFriendOpenid,
        blockedFriendOpenid,
        await kit.openid(myToken),
      ]) {
        const response = await host.get(`/open/v1/friends/${openid}`, { token: myToken });
        expect(response.body).toEqual({ openid, isFriend: false, vip: noVip });
      }
    });

    it("answers 404 for another app's openid of the same friend, and for made-up openids", async () => {
      for (const openid of [
        friendOpenidInOtherApp,
        'AAAAAAAAAAAAAAAAAAAAAA',
        'not an openid',
        'x'.repeat(300),
      ]) {
        expectProblem(
          await host.get(`/open/v1/friends/${encodeURIComponent(openid)}`, { token: myToken }),
          404,
          'not_found',
        );
      }
    });
  });

  describe('VIP of app friends', () => {
    it('carries each friend’s yellow diamond with profile:read, and nothing without it', async () => {
      const member = appFriends.get(friendOpenid)!;
      const session = await host.post('/sessions', { body: { username: 'root', password: 'root-password' } });
      await host.post(`/admin/users/${member.id}/coin-grants`, {
        token: session.body.token,
        body: { amount: 1000, idempotencyKey: randomUUID() },
      });
      expect(
        (
          await host.post('/vip/purchases', {
            token: member.token,
            body: { months: 1, idempotencyKey: randomUUID() },
          })
        ).status,
      ).toBe(201);

      const list = await host.get('/open/v1/friends', { token: myToken, query: { limit: 100 } });
      for (const item of list.body.items as { openid: string; vip: unknown }[]) {
        expect(item.vip).toEqual(
          item.openid === friendOpenid ? { active: true, level: 1 } : { active: false, level: null },
        );
      }
      const one = await host.get(`/open/v1/friends/${friendOpenid}`, { token: myToken });
      expect(one.body).toEqual({ openid: friendOpenid, isFriend: true, vip: { active: true, level: 1 } });

      // Profiles are profile:read's to give: a token with friends:read alone sees no VIP.
      const friendsOnly = await kit.token(me, app, ['friends:read']);
      const bare = await host.get('/open/v1/friends', { token: friendsOnly, query: { limit: 100 } });
      expect(bare.body.items.length).toBe(appFriends.size);
      for (const item of bare.body.items) expect(item).not.toHaveProperty('vip');
      expect((await host.get(`/open/v1/friends/${friendOpenid}`, { token: friendsOnly })).body).toEqual({
        openid: friendOpenid,
        isFriend: true,
      });
    });
  });
});
