import sharp from 'sharp';
import request from 'supertest';
import { expectProblem } from '../testing/expect-problem';
import type { TestUser } from '../testing/factory';
import { factory, host } from '../testing/file-host';
import { newPkcePair } from '../testing/oauth-client';
import { app, kit, oauth, setSuspended, useSuspensionHost } from './user-suspension.e2e-setup';

/** What a suspension does to a user everywhere else: apps and tokens, the OAuth pages, their content. */
describe('a suspended user (e2e)', () => {
  useSuspensionHost();

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
});
