import { ACTIVITY_RULES } from '../economy/economy.rules';
import { expectProblem } from '../testing/expect-problem';
import { type TestUser } from '../testing/factory';
import { factory, host } from '../testing/file-host';
import {
  addBlockRules,
  addHoldRules,
  addRule,
  admin,
  author,
  count,
  decide,
  friend,
  mood,
  openCase,
  postCount,
  report,
  snapshot,
  stranger,
  traces,
  useModerationHost,
} from './moderation.e2e-setup';

describe('moderation (e2e)', () => {
  useModerationHost();

  describe('block', () => {
    beforeAll(addBlockRules);

    it.each([
      ['full-width', 'this is ＢＡＤＷＯＲＤ'],
      ['mixed case', 'this is BadWord!'],
      ['inside another word', 'superbadwordy'],
      ['Chinese without spaces', '今天说了违禁词了'],
      ['full-width inside Chinese', '好ＢａｄＷｏｒｄ的'],
    ])(
      'refuses a mood with the keyword %s, without naming the rule, and stores nothing',
      async (_case, text) => {
        const before = await snapshot();
        const response = await mood(author, text);
        expectProblem(response, 422, 'content_blocked');
        expect(JSON.stringify(response.body).toLowerCase()).not.toContain('badword');
        expect(JSON.stringify(response.body)).not.toContain('违禁词');
        expect(await snapshot()).toEqual(before);
      },
    );

    it('refuses blogs by title or by the text of their body, reposts, comments and board messages', async () => {
      const target = (await mood(author, 'a clean mood')).body.id;
      const before = await snapshot();
      const attempts = [
        host.post('/blogs', {
          token: author.token,
          body: { title: 'BADWORD', body: '<p>fine</p>', privacy: 'public' },
        }),
        host.post('/blogs', {
          token: author.token,
          body: { title: 'fine', body: '<p>bad<b>word</b></p>', privacy: 'public' },
        }),
        host.post('/blogs', {
          token: author.token,
          body: { title: 'fine', body: '<p>&#98;adword</p>', privacy: 'public' },
        }),
        host.post(`/posts/${target}/reposts`, {
          token: friend.token,
          body: { text: 'BADWORD', privacy: 'public' },
        }),
        host.post(`/posts/${target}/comments`, { token: friend.token, body: { body: 'ｂａｄｗｏｒｄ' } }),
        host.post(`/spaces/${author.id}/messages`, { token: friend.token, body: { body: '违禁词' } }),
      ];
      for (const response of await Promise.all(attempts)) expectProblem(response, 422, 'content_blocked');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an edit that adds a blocked keyword and keeps the post as it was', async () => {
      const id = (await mood(author, 'before the edit')).body.id;
      const before = await snapshot();
      expectProblem(
        await host.patch(`/posts/${id}`, { token: author.token, body: { text: 'after BADWORD' } }),
        422,
        'content_blocked',
      );
      expect((await host.get(`/posts/${id}`, { token: friend.token })).body.body).toBe('before the edit');
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('hold', () => {
    beforeAll(addHoldRules);

    it('keeps a held mood from a friend in every path until an admin approves it', async () => {
      const friendCountBefore = await postCount(friend, author);
      const created = await mood(author, 'please HOLDME now', 'friends');
      expect(created.status).toBe(201);
      expect(created.body.moderation).toEqual({ state: 'held', reason: null });
      const id = created.body.id;
      // A comment by the author on the held post, and a repost by the author: also hidden.
      expect(
        (await host.post(`/posts/${id}/comments`, { token: author.token, body: { body: 'mine' } })).status,
      ).toBe(201);

      expect(await traces(friend, id)).toEqual({ get: 404, list: false, feed: false, comments: 404 });
      expect(await postCount(friend, author)).toBe(friendCountBefore);
      expect(await postCount(undefined, author)).toBe(await postCount(stranger, author));
      // Nor can the friend act on it.
      expect((await host.put(`/posts/${id}/like`, { token: friend.token })).status).toBe(404);
      expect(
        (await host.post(`/posts/${id}/comments`, { token: friend.token, body: { body: 'hi' } })).status,
      ).toBe(404);
      expect(
        (await host.post(`/posts/${id}/reposts`, { token: friend.token, body: { privacy: 'public' } }))
          .status,
      ).toBe(404);
      expectProblem(await report(friend, 'post', id, 'spam'), 404, 'not_found');

      // The author sees it everywhere, marked as under review.
      expect(await traces(author, id)).toEqual({ get: 200, list: true, feed: true, comments: 200 });
      expect((await host.get(`/posts/${id}`, { token: author.token })).body.moderation).toEqual({
        state: 'held',
        reason: null,
      });

      const queued = await openCase('post', id);
      expect(queued).toMatchObject({
        status: 'open',
        keywordAction: 'hold',
        keywords: ['holdme'],
        reportCount: 0,
        content: { state: 'held', text: 'please HOLDME now', author: { id: author.id } },
      });

      const approved = await decide('approve', 'post', id);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        action: 'approve',
        previousState: 'held',
        newState: 'published',
        admin: { id: admin.id },
        caseId: queued.id,
      });
      expect(await traces(friend, id)).toEqual({ get: 200, list: true, feed: true, comments: 200 });
      expect(await postCount(friend, author)).toBe(friendCountBefore + 1);
      expect((await host.get(`/posts/${id}`, { token: author.token })).body.moderation).toBeUndefined();
      expect(await openCase('post', id)).toBeUndefined();
    });

    it('holds blogs, reposts and board messages too', async () => {
      const blog = await host.post('/blogs', {
        token: author.token,
        body: { title: 'a blog', body: '<p>审核词</p>', privacy: 'public' },
      });
      expect(blog.body.moderation.state).toBe('held');
      const original = (await mood(author, 'original')).body.id;
      const repost = await host.post(`/posts/${original}/reposts`, {
        token: friend.token,
        body: { text: 'holdme', privacy: 'public' },
      });
      expect(repost.body.moderation.state).toBe('held');
      expect((await host.get(`/posts/${original}`, { token: stranger.token })).body.repostCount).toBe(0);
      expect((await host.get(`/posts/${original}`, { token: friend.token })).body.repostCount).toBe(1);
      expect((await host.get(`/posts/${blog.body.id}`, { token: stranger.token })).status).toBe(404);

      const notificationsBefore = await count('notification', 'recipient_id = ?', [author.id]);
      const message = await host.post(`/spaces/${author.id}/messages`, {
        token: friend.token,
        body: { body: 'holdme please' },
      });
      expect(message.status).toBe(201);
      expect(message.body.moderation).toEqual({ state: 'held', reason: null });
      expect(await count('notification', 'recipient_id = ?', [author.id])).toBe(notificationsBefore);
      const ownerView = await host.get(`/spaces/${author.id}/messages`, { token: author.token });
      expect(ownerView.body.items.map((m: { id: string }) => m.id)).not.toContain(message.body.id);
      const authorView = await host.get(`/spaces/${author.id}/messages`, { token: friend.token });
      expect(authorView.body.items.map((m: { id: string }) => m.id)).toContain(message.body.id);
      expect(await openCase('board_message', message.body.id)).toMatchObject({
        keywordAction: 'hold',
        content: { spaceOwnerId: author.id, text: 'holdme please' },
      });
      expect((await decide('approve', 'board_message', message.body.id)).status).toBe(200);
      const approvedView = await host.get(`/spaces/${author.id}/messages`, { token: stranger.token });
      expect(approvedView.body.items.map((m: { id: string }) => m.id)).toContain(message.body.id);
    });

    it('keeps a held comment to its author: list, count and commented feed entries', async () => {
      const post = (await mood(author, 'comment here', 'friends')).body.id;
      const held = await host.post(`/posts/${post}/comments`, {
        token: friend.token,
        body: { body: '审核词 in a comment' },
      });
      expect(held.status).toBe(201);
      expect(held.body.moderation).toEqual({ state: 'held', reason: null });
      const commentId = held.body.id;

      const seenBy = async (viewer: TestUser) => {
        const list = await host.get(`/posts/${post}/comments`, { token: viewer.token });
        const single = await host.get(`/posts/${post}`, { token: viewer.token });
        const feed = await host.get('/feed', { token: viewer.token, query: { limit: 100 } });
        return {
          listed: list.body.items.some((c: { id: string }) => c.id === commentId),
          count: single.body.commentCount,
          inFeed: feed.body.items.some(
            (item: { verb: string; comment: { id: string } | null }) => item.comment?.id === commentId,
          ),
        };
      };
      expect(await seenBy(author)).toEqual({ listed: false, count: 0, inFeed: false });
      expect(await seenBy(friend)).toEqual({ listed: true, count: 1, inFeed: true });
      // A reply to a comment one cannot see is refused like a reply to nothing.
      expectProblem(
        await host.post(`/posts/${post}/comments`, {
          token: author.token,
          body: { body: 're', parentId: commentId },
        }),
        400,
        'invalid_parent',
      );

      expect((await decide('approve', 'comment', commentId)).status).toBe(200);
      expect(await seenBy(author)).toEqual({ listed: true, count: 1, inFeed: true });
    });

    it('shows each item in context: a post with its privacy, a comment with its post, a message with whose board', async () => {
      const post = await mood(author, 'holdme: only for friends', 'friends');
      expect(await openCase('post', post.body.id)).toMatchObject({
        content: {
          author: { id: author.id, username: author.username },
          privacy: 'friends',
          text: 'holdme: only for friends',
          post: null,
          spaceOwner: null,
        },
      });

      // The comment's post is held too: a reviewer still reads it beside the comment.
      const comment = await host.post(`/posts/${post.body.id}/comments`, {
        token: author.token,
        body: { body: 'and holdme in the comment' },
      });
      expect(comment.status).toBe(201);
      expect(await openCase('comment', comment.body.id)).toMatchObject({
        content: {
          text: 'and holdme in the comment',
          postId: post.body.id,
          privacy: null,
          post: {
            id: post.body.id,
            author: { username: author.username },
            state: 'held',
            privacy: 'friends',
            text: 'holdme: only for friends',
          },
        },
      });

      const message = await host.post(`/spaces/${author.id}/messages`, {
        token: stranger.token,
        body: { body: 'holdme on your board' },
      });
      expect(await openCase('board_message', message.body.id)).toMatchObject({
        content: {
          author: { username: stranger.username },
          spaceOwnerId: author.id,
          spaceOwner: { id: author.id, username: author.username },
          post: null,
        },
      });
    });

    it('holds a published post again when an edit adds a held keyword', async () => {
      const id = (await mood(author, 'clean at first')).body.id;
      expect((await host.get(`/posts/${id}`, { token: stranger.token })).status).toBe(200);
      const edited = await host.patch(`/posts/${id}`, {
        token: author.token,
        body: { text: 'now with holdme' },
      });
      expect(edited.status).toBe(200);
      expect(edited.body.moderation).toEqual({ state: 'held', reason: null });
      expect((await host.get(`/posts/${id}`, { token: stranger.token })).status).toBe(404);
      expect(await openCase('post', id)).toMatchObject({ keywordAction: 'hold', keywords: ['holdme'] });
      // A clean edit does not publish it again: only a reviewer does.
      const cleaned = await host.patch(`/posts/${id}`, {
        token: author.token,
        body: { text: 'clean again' },
      });
      expect(cleaned.body.moderation.state).toBe('held');
      expect((await host.get(`/posts/${id}`, { token: stranger.token })).status).toBe(404);
    });

    it('rejects a held post: it stays its author’s alone, with the reason', async () => {
      const id = (await mood(author, 'holdme to reject')).body.id;
      expectProblem(await decide('reject', 'post', id, {}), 400, 'validation_failed');
      const rejected = await decide('reject', 'post', id, { reason: 'Advertising is not allowed' });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({
        previousState: 'held',
        newState: 'rejected',
        reason: 'Advertising is not allowed',
      });
      expect(await traces(friend, id)).toEqual({ get: 404, list: false, feed: false, comments: 404 });
      expect((await host.get(`/posts/${id}`, { token: author.token })).body.moderation).toEqual({
        state: 'rejected',
        reason: 'Advertising is not allowed',
      });
      expect(await openCase('post', id)).toBeUndefined();
      // Rejecting twice, or dismissing, is a conflict; approving later is possible.
      expectProblem(await decide('reject', 'post', id, { reason: 'again' }), 409, 'moderation_conflict');
      expectProblem(await decide('dismiss', 'post', id), 409, 'moderation_conflict');
    });
  });

  it('gives no activity points for a held mood or a held comment', async () => {
    await addRule('积分测试', 'hold');
    const writer = await factory.newUser('points');
    expect((await mood(writer, '这条说说要积分测试')).status).toBe(201);
    const published = await mood(writer, 'an ordinary mood');
    await host.post(`/posts/${published.body.id}/comments`, {
      token: friend.token,
      body: { body: '积分测试 comment' },
    });
    const level = await host.get('/level', { token: writer.token });
    const today = Object.fromEntries(
      level.body.today.map((entry: { activity: string; points: number }) => [entry.activity, entry.points]),
    );
    // Only the published mood counts; the held mood and the held comment earn nothing.
    expect(today.mood).toBe(ACTIVITY_RULES.mood.points);
    expect(today.comment_received).toBe(0);
  });
});
