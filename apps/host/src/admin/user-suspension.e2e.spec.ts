import sharp from 'sharp';
import request from 'supertest';
import { ALL_SCOPES, OpenApiKit } from '../open-api/open-api.testing';
import { EventStreamReader } from '../testing/event-stream-reader';
import { expectProblem } from '../testing/expect-problem';
import type { TestApp, TestFactory, TestUser } from '../testing/factory';
import { newPkcePair, OAuthTestClient } from '../testing/oauth-client';
import type { TestHost } from '../testing/test-host';

/** What a suspension does to a user everywhere else: apps and tokens, the OAuth pages, their content. */
describe('a suspended user (e2e)', () => {
  let host: TestHost;
  let factory: TestFactory;
  let kit: OpenApiKit;
  let oauth: OAuthTestClient;
  let admin: TestUser;
  let app: TestApp;

  beforeAll(async () => {
    ({ host, factory, kit } = await OpenApiKit.start());
    oauth = new OAuthTestClient(host);
    admin = await factory.admin();
    app = await kit.approvedApp({ scopes: [...ALL_SCOPES, 'gifts:send'] });
  });
  afterAll(() => host.close());

  const setSuspended = async (user: TestUser, suspended: boolean) => {
    const response = await host.post(`/admin/users/${user.id}/${suspended ? 'suspend' : 'unsuspend'}`, {
      token: admin.token,
      body: suspended ? { reason: 'Spam' } : {},
    });
    expect(response.status).toBe(200);
  };

  describe('apps', () => {
    it('stops every token at once, with a clear code, and they work again when it is lifted', async () => {
      const user = await factory.newUser();
      const tokens = await oauth.authorizeTokens(user, app);
      const me = () => host.get('/open/v1/me', { token: tokens.accessToken });
      expect((await me()).status).toBe(200);
      const pkce = newPkcePair();
      const code = await oauth.obtainCode(user, app, pkce);

      await setSuspended(user, true);
      const refused = await me();
      expectProblem(refused, 401, 'account_suspended');
      expect(refused.headers['www-authenticate']).toContain('error="invalid_token"');
      const refresh = await oauth.token(app, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
      });
      expect({ status: refresh.status, body: refresh.body }).toEqual({
        status: 400,
        body: { error: 'invalid_grant', error_description: "The user's account is suspended" },
      });
      const exchange = await oauth.token(app, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: app.redirectUris[0],
        code_verifier: pkce.verifier,
      });
      expect(exchange.body).toMatchObject({ error: 'invalid_grant' });
      for (const token of [tokens.accessToken, tokens.refreshToken]) {
        expect((await oauth.introspect(app, token)).body).toEqual({ active: false });
      }

      // Suspension revokes nothing: the same tokens work again once it is lifted.
      await setSuspended(user, false);
      expect((await me()).status).toBe(200);
      const refreshed = await oauth.token(app, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
      });
      expect(refreshed.status).toBe(200);
    });

    it("tells the OAuth sign-in page's visitor that the account is suspended", async () => {
      const user = await factory.newUser();
      await setSuspended(user, true);
      const page = await oauth.authorize(null, oauth.authorizeParams(app, newPkcePair()));
      expect(page.status).toBe(200);
      const field = (name: string) =>
        new RegExp(`name="${name}" value="([^"]+)"`).exec(page.text)![1].replace(/&amp;/g, '&');
      const cookies = (page.headers['set-cookie'] as unknown as string[]).map(
        (cookie) => cookie.split(';')[0],
      );
      const signIn = await request(host.app.getHttpServer())
        .post('/oauth/sign-in')
        .set('Cookie', cookies)
        .type('form')
        .send({
          username: user.username,
          password: factory.password,
          csrf_token: field('csrf_token'),
          return_to: field('return_to'),
        });
      expect(signIn.status).toBe(403);
      expect(signIn.text).toContain('这个账号已被冻结');
      expect(signIn.headers['set-cookie'] ?? []).not.toContainEqual(expect.stringMatching(/^kj_session=/));
    });
  });

  describe('content', () => {
    let bad: TestUser;
    let friend: TestUser;
    let stranger: TestUser;
    let badOpenid: string;
    let friendToken: string;
    const ids: Record<
      'mood' | 'friendsMood' | 'friendPost' | 'comment' | 'repost' | 'message' | 'album' | 'photo' | 'gift',
      string
    > = {} as never;

    const created = (response: { status: number; body: { id?: string } }) => {
      if (response.status !== 201) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
      return response.body.id!;
    };

    beforeAll(async () => {
      const pair = await kit.friendsUsingApp(app);
      ({ sender: bad, recipient: friend, senderOpenid: badOpenid, recipientToken: friendToken } = pair);
      stranger = await factory.newUser('stranger');
      ids.mood = await factory.newMood(bad, 'public', undefined, 'a public mood');
      ids.friendsMood = await factory.newMood(bad, 'friends', undefined, 'a mood for friends');
      ids.friendPost = await factory.newMood(friend, 'public', undefined, "the friend's mood");
      ids.comment = created(
        await host.post(`/posts/${ids.friendPost}/comments`, { token: bad.token, body: { body: 'nice' } }),
      );
      ids.repost = created(
        await host.post(`/posts/${ids.friendPost}/reposts`, {
          token: bad.token,
          body: { text: 'look', privacy: 'public' },
        }),
      );
      ids.message = created(
        await host.post(`/spaces/${friend.id}/messages`, { token: bad.token, body: { body: 'hello there' } }),
      );
      ids.album = created(
        await host.post('/albums', { token: bad.token, body: { title: 'Trip', privacy: 'public' } }),
      );
      const image = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a5' } })
        .jpeg()
        .toBuffer();
      ids.photo = created(
        await request(host.app.getHttpServer())
          .post(`/albums/${ids.album}/photos`)
          .set('Authorization', `Bearer ${bad.token}`)
          .attach('file', image, { filename: 'trip.jpg', contentType: 'image/jpeg' }),
      );
      ids.gift = created(
        await host.post('/open/v1/gifts', {
          token: pair.senderToken,
          body: { to: pair.recipientOpenid, name: 'Rose' },
        }),
      );
    });

    const has = (items: { id: string }[] | undefined, id: string) =>
      (items ?? []).some((item) => item.id === id);
    const status = async (url: string, viewer: TestUser | null) =>
      (await host.get(url, { token: viewer?.token, raw: url.endsWith('/file') })).status;

    /** Every trace of `bad` that `viewer` can find. */
    const traces = async (viewer: TestUser | null) => {
      const pages = {
        post: await status(`/posts/${ids.mood}`, viewer),
        friendsPost: await status(`/posts/${ids.friendsMood}`, viewer),
        posts: await status(`/users/${bad.id}/posts`, viewer),
        space: await status(`/spaces/${bad.id}`, viewer),
        board: await status(`/spaces/${bad.id}/messages`, viewer),
        wall: await status(`/spaces/${bad.id}/gifts`, viewer),
        byUsername: await status(`/users/by-username/${bad.username}`, viewer),
        albums: await status(`/users/${bad.id}/albums`, viewer),
        album: await status(`/albums/${ids.album}`, viewer),
        photo: await status(`/photos/${ids.photo}`, viewer),
        photoFile: await status(`/photos/${ids.photo}/file`, viewer),
      };
      const friendPost = await host.get(`/posts/${ids.friendPost}`, { token: viewer?.token });
      const comments = await host.get(`/posts/${ids.friendPost}/comments`, { token: viewer?.token });
      const messages = await host.get(`/spaces/${friend.id}/messages`, { token: viewer?.token });
      const gifts = await host.get(`/spaces/${friend.id}/gifts`, { token: viewer?.token });
      const inLists = {
        comment: has(comments.body.items, ids.comment),
        commentCount: friendPost.body.commentCount,
        repostCount: friendPost.body.repostCount,
        message: has(messages.body.items, ids.message),
        gift: has(gifts.body.items, ids.gift),
      };
      if (!viewer) return { pages, inLists };
      const search = await host.get('/users', { token: viewer.token, query: { q: bad.username } });
      const feed = await host.get('/feed', { token: viewer.token, query: { limit: 100 } });
      const feedItems: { post: { id: string }; comment: { id: string } | null }[] = feed.body.items;
      return {
        pages,
        inLists,
        search: has(search.body.items, bad.id),
        feed: feedItems
          .flatMap((item) => [item.post.id, ...(item.comment ? [item.comment.id] : [])])
          .filter((id) => [ids.mood, ids.friendsMood, ids.repost, ids.comment].includes(id))
          .sort(),
      };
    };
    /** What only the friend can find: bad among their friends, in the app too. */
    const friendTraces = async () => ({
      friends: (await host.get('/friends', { token: friend.token })).body.items.some(
        (item: { user: { id: string } }) => item.user.id === bad.id,
      ),
      appFriends: (await host.get('/open/v1/friends', { token: friendToken })).body.items.some(
        (item: { openid: string }) => item.openid === badOpenid,
      ),
      isAppFriend: (await host.get(`/open/v1/friends/${badOpenid}`, { token: friendToken })).body.isFriend,
    });
    const everyone = async () => ({
      friend: await traces(friend),
      stranger: await traces(stranger),
      anonymous: await traces(null),
      friendOnly: await friendTraces(),
    });

    it('hides everything of theirs from everyone else while it lasts, and brings it all back', async () => {
      const before = await everyone();
      // The friend sees it all to begin with, so each trace below is a real one going away.
      expect(before.friend).toEqual({
        pages: {
          post: 200,
          friendsPost: 200,
          posts: 200,
          space: 200,
          board: 200,
          wall: 200,
          byUsername: 200,
          albums: 200,
          album: 200,
          photo: 200,
          photoFile: 200,
        },
        inLists: { comment: true, commentCount: 1, repostCount: 1, message: true, gift: true },
        search: true,
        feed: [ids.mood, ids.friendsMood, ids.repost, ids.comment].sort(),
      });
      expect(before.friendOnly).toEqual({ friends: true, appFriends: true, isAppFriend: true });
      expect(before.stranger).toMatchObject({ pages: { post: 200, space: 200 }, inLists: { comment: true } });

      await setSuspended(bad, true);
      const pages = Object.fromEntries(Object.keys(before.friend.pages).map((key) => [key, 404]));
      const inLists = { comment: false, commentCount: 0, repostCount: 0, message: false, gift: false };
      expect(await everyone()).toEqual({
        friend: { pages, inLists, search: false, feed: [] },
        stranger: { pages, inLists, search: false, feed: [] },
        anonymous: { pages, inLists },
        friendOnly: { friends: false, appFriends: false, isAppFriend: false },
      });
      // Nobody reaches them by id either.
      expectProblem(
        await host.post('/friend-requests', { token: stranger.token, body: { userId: bad.id } }),
        404,
        'not_found',
      );
      expectProblem(
        await host.post('/wallet/transfers', {
          token: friend.token,
          body: { toUserId: bad.id, amount: 1, idempotencyKey: 'to-a-suspended-user' },
        }),
        404,
        'not_found',
      );

      await setSuspended(bad, false);
      expect(await everyone()).toEqual(before);
    });
  });

  describe('what they did to others', () => {
    let bad: TestUser;
    let friend: TestUser;
    let stranger: TestUser;
    let asker: TestUser;
    let third: TestUser;
    let badOpenid: string;
    let friendToken: string;
    let friendMood: string;
    let friendPhoto: string;
    let groupId: string;
    let giftToBad: string;
    let giftFromBad: string;
    let requestFromBad: string;
    let requestToBad: string;

    const created = async (pending: Promise<{ status: number; body: { id?: string } }>) => {
      const response = await pending;
      if (response.status !== 201) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
      return response.body.id!;
    };
    const ok = async (pending: Promise<{ status: number; body: unknown }>) => {
      const response = await pending;
      if (response.status >= 300) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    };

    beforeAll(async () => {
      const pair = await kit.friendsUsingApp(app);
      ({ sender: bad, recipient: friend, senderOpenid: badOpenid, recipientToken: friendToken } = pair);
      stranger = await factory.newUser('stranger');
      asker = await factory.newUser('asker');
      third = await factory.newUser('third');
      friendMood = await factory.newMood(friend, 'public', undefined, 'sunny today');
      const album = await created(
        host.post('/albums', { token: friend.token, body: { title: 'Sea', privacy: 'public' } }),
      );
      const image = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#35a' } })
        .png()
        .toBuffer();
      friendPhoto = await created(
        request(host.app.getHttpServer())
          .post(`/albums/${album}/photos`)
          .set('Authorization', `Bearer ${friend.token}`)
          .attach('file', image, { filename: 'sea.png', contentType: 'image/png' }),
      );
      // Everything bad does to others, and a third user doing some of it too, so counts stay above 0.
      for (const visitor of [bad, third]) {
        host.clock.advance(1000);
        await ok(host.get(`/spaces/${friend.id}`, { token: visitor.token }));
        await ok(host.put(`/posts/${friendMood}/like`, { token: visitor.token }));
        await ok(host.put(`/photos/${friendPhoto}/like`, { token: visitor.token }));
      }
      await created(host.post(`/posts/${friendMood}/comments`, { token: bad.token, body: { body: 'wow' } }));
      await created(host.post(`/spaces/${friend.id}/messages`, { token: bad.token, body: { body: 'hi!' } }));
      giftFromBad = await created(
        host.post('/open/v1/gifts', {
          token: pair.senderToken,
          body: { to: pair.recipientOpenid, name: 'Rose' },
        }),
      );
      giftToBad = await created(
        host.post('/open/v1/gifts', { token: friendToken, body: { to: badOpenid, name: 'Tulip' } }),
      );
      requestFromBad = await factory.requestFriend(bad, stranger, 'hello');
      requestToBad = await factory.requestFriend(asker, bad);
      groupId = await factory.newGroup(friend, 'close', [bad]);
    });

    /** Every trace of bad that the others find in what is theirs. */
    const traces = async () => {
      const notifications = await host.get('/notifications', { token: friend.token, query: { limit: 100 } });
      const visitors = await host.get(`/spaces/${friend.id}/visitors`, { token: friend.token });
      // Seen by an anonymous visitor, whose visit is not logged.
      const space = await host.get(`/spaces/${friend.id}`);
      const mood = await host.get(`/posts/${friendMood}`);
      const photo = await host.get(`/photos/${friendPhoto}`);
      const groups = await host.get('/friend-groups', { token: friend.token });
      const sentGifts = await host.get('/open/v1/gifts', { token: friendToken, query: { box: 'sent' } });
      const incoming = await host.get('/friend-requests', { token: stranger.token });
      const outgoing = await host.get('/friend-requests', {
        token: asker.token,
        query: { direction: 'outgoing' },
      });
      const strangerNotices = await host.get('/notifications', { token: stranger.token });
      type Notice = { kind: string; actor: { id: string } | null; read: boolean };
      return {
        notifications: (notifications.body.items as Notice[])
          .filter((item) => item.actor?.id === bad.id)
          .map((item) => item.kind)
          .sort(),
        unread: (await host.get('/notifications/unread-count', { token: friend.token })).body.count,
        strangerNotices: (strangerNotices.body.items as Notice[]).map((item) => item.kind),
        visitors: (visitors.body.items as { visitor: { id: string } }[]).map((item) => item.visitor.id),
        visitorCount: [space.body.visitorCount, space.body.visitorsToday],
        likeCounts: [mood.body.likeCount, photo.body.likeCount],
        groupMembers: (groups.body.items as { id: string; members: { id: string }[] }[])
          .find((group) => group.id === groupId)!
          .members.map((member) => member.id),
        sentGifts: (sentGifts.body.items as { id: string }[]).map((gift) => gift.id),
        incoming: (incoming.body.items as { id: string }[]).map((item) => item.id),
        outgoing: (outgoing.body.items as { id: string }[]).map((item) => item.id),
      };
    };

    it('hides them from what others are shown while it lasts, and brings it all back', async () => {
      const before = await traces();
      // Each trace is there to begin with, so each one below is a real one going away.
      expect(before).toEqual({
        notifications: [
          'board_message',
          'comment',
          'friend_request_received',
          'gift_received',
          'like',
          'like',
        ],
        unread: 8,
        strangerNotices: ['friend_request_received'],
        visitors: [third.id, bad.id],
        visitorCount: [2, 2],
        likeCounts: [2, 2],
        groupMembers: [bad.id],
        sentGifts: [giftToBad],
        incoming: [requestFromBad],
        outgoing: [requestToBad],
      });

      await setSuspended(bad, true);
      expect(await traces()).toEqual({
        notifications: [],
        unread: 2,
        strangerNotices: [],
        visitors: [third.id],
        visitorCount: [1, 1],
        likeCounts: [1, 1],
        groupMembers: [],
        sentGifts: [],
        incoming: [],
        outgoing: [],
      });
      // A like, taken back and given again meanwhile, counts only what others see.
      expect((await host.delete(`/posts/${friendMood}/like`, { token: third.token })).body.likeCount).toBe(0);
      expect((await host.put(`/posts/${friendMood}/like`, { token: third.token })).body.likeCount).toBe(1);
      // Marking all read marks the third user's three (the like again is news); bad's six stay unread.
      expect((await host.post('/notifications/read', { token: friend.token, body: {} })).body.updated).toBe(
        3,
      );

      await setSuspended(bad, false);
      expect(await traces()).toEqual({ ...before, unread: 6 });
    });

    it("tells the others' open notification streams of their new unread count at once, both ways", async () => {
      const baseUrl = await host.listen();
      const controller = new AbortController();
      const response = await fetch(`${baseUrl}/notifications/stream`, {
        headers: { Authorization: `Bearer ${friend.token}`, Accept: 'text/event-stream' },
        signal: controller.signal,
      });
      const stream = new EventStreamReader(response.body!.getReader());
      try {
        const { count } = (await host.get('/notifications/unread-count', { token: friend.token })).body;
        const unread = await host.get('/notifications', {
          token: friend.token,
          query: { unread: 'true', limit: 100 },
        });
        const fromBad = (unread.body.items as { actor: { id: string } | null }[]).filter(
          (item) => item.actor?.id === bad.id,
        ).length;
        expect(fromBad).toBeGreaterThan(0);
        expect(await stream.nextEvent()).toEqual({ event: 'unread', data: { count } });

        await setSuspended(bad, true);
        expect(await stream.nextEvent()).toEqual({ event: 'unread', data: { count: count - fromBad } });
        await setSuspended(bad, false);
        expect(await stream.nextEvent()).toEqual({ event: 'unread', data: { count } });
      } finally {
        controller.abort();
      }
    });

    it('lets nobody reach their requests, gifts or membership by id meanwhile, and changes nothing', async () => {
      await setSuspended(bad, true);
      for (const [user, action] of [
        [stranger, 'accept'],
        [stranger, 'decline'],
        [asker, 'cancel'],
      ] as const) {
        const id = action === 'cancel' ? requestToBad : requestFromBad;
        expectProblem(
          await host.post(`/friend-requests/${id}/${action}`, { token: user.token }),
          404,
          'not_found',
        );
      }
      expectProblem(
        await host.post(`/open/v1/gifts/${giftFromBad}/thanks`, {
          token: friendToken,
          body: { message: 'Thank you' },
        }),
        404,
        'not_found',
      );
      const other = await factory.newGroup(friend, 'other');
      expectProblem(
        await host.put(`/friend-groups/${other}/members/${bad.id}`, { token: friend.token }),
        409,
        'not_friends',
      );

      await setSuspended(bad, false);
      const received = await host.get('/friend-requests', { token: stranger.token });
      expect(received.body.items).toMatchObject([{ id: requestFromBad, status: 'pending' }]);
      const groups = await host.get('/friend-groups', { token: friend.token });
      expect(groups.body.items.find((group: { id: string }) => group.id === other).members).toEqual([]);
      const thanked = await host.post(`/open/v1/gifts/${giftFromBad}/thanks`, {
        token: friendToken,
        body: { message: 'Thank you' },
      });
      expect(thanked.status).toBe(201);
      expect(
        (await host.post(`/friend-requests/${requestToBad}/cancel`, { token: asker.token })).status,
      ).toBe(200);
    });
  });
});
