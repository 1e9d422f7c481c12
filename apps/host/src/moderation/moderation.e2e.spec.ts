import { LIMITS } from '../common/limits';
import { ACTIVITY_RULES } from '../economy/economy.rules';
import { expectProblem } from '../testing/expect-problem';
import { TestFactory, type TestUser } from '../testing/factory';
import { TestHost } from '../testing/test-host';

const MISSING = '00000000-0000-7000-8000-000000000000';

describe('moderation (e2e)', () => {
  let host: TestHost;
  let factory: TestFactory;
  let admin: TestUser;
  let author: TestUser;
  let friend: TestUser;
  let stranger: TestUser;

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    (await host.sql<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`, params))[0].n;
  const snapshot = async () => ({
    posts: await count('post'),
    comments: await count('comment'),
    messages: await count('board_message'),
    feed: await count('feed_entry'),
    notifications: await count('notification'),
    rules: await count('moderation_rule'),
    cases: await count('moderation_case'),
    openCases: await count('moderation_case', "status = 'open'"),
    reports: await count('moderation_report'),
    decisions: await count('moderation_decision'),
    states: await host.sql(
      `select moderation, count(*)::int as n from post group by moderation order by moderation`,
    ),
    version: (await host.sql<{ v: string }>('select version::text as v from moderation_rules_version'))[0].v,
  });

  const addRule = async (phrase: string, action: 'block' | 'hold' | 'flag') => {
    const response = await host.post('/admin/moderation/rules', {
      token: admin.token,
      body: { phrase, action },
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const mood = (user: TestUser, text: string, privacy = 'public') =>
    host.post('/moods', { token: user.token, body: { text, privacy } });
  const openCase = async (subjectType: string, subjectId: string) => {
    const queue = await host.get('/admin/moderation/cases', { token: admin.token, query: { limit: 100 } });
    expect(queue.status).toBe(200);
    return queue.body.items.find(
      (item: { subjectType: string; subjectId: string }) =>
        item.subjectType === subjectType && item.subjectId === subjectId,
    );
  };
  const decide = (action: string, type: string, id: string, body?: object, token = admin.token) =>
    host.post(`/admin/moderation/subjects/${type}/${id}/${action}`, { token, body });

  /** What `viewer` can find of a post: single GET, the author's space list, the feed, the post count. */
  const traces = async (viewer: TestUser, postId: string) => {
    const single = await host.get(`/posts/${postId}`, { token: viewer.token });
    const list = await host.get(`/users/${author.id}/posts`, { token: viewer.token, query: { limit: 100 } });
    const feed = await host.get('/feed', { token: viewer.token, query: { limit: 100 } });
    const comments = await host.get(`/posts/${postId}/comments`, { token: viewer.token });
    return {
      get: single.status,
      list: list.body.items.some((post: { id: string }) => post.id === postId),
      feed: feed.body.items.some((item: { post: { id: string } }) => item.post.id === postId),
      comments: comments.status,
    };
  };
  const postCount = async (viewer: TestUser | undefined, owner: TestUser) =>
    (await host.get(`/spaces/${owner.id}`, { token: viewer?.token })).body.postCount as number;

  beforeAll(async () => {
    host = await TestHost.start({ bootstrapAdmin: { username: 'root', password: 'root-password' } });
    factory = new TestFactory(host);
    const session = await host.post('/sessions', { body: { username: 'root', password: 'root-password' } });
    admin = { id: session.body.account.id, username: 'root', token: session.body.token };
    author = await factory.newUser('author');
    friend = await factory.newUser('friend');
    stranger = await factory.newUser('stranger');
    await factory.befriend(author, friend);
    await host.patch('/space/decoration', { token: author.token, body: { boardAccess: 'everyone' } });
  });
  afterAll(() => host.close());

  describe('keyword rules', () => {
    it('lets admins add, list, change and delete rules', async () => {
      const created = await host.post('/admin/moderation/rules', {
        token: admin.token,
        body: { phrase: '  Rule Phrase 一 ', action: 'flag' },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ phrase: 'Rule Phrase 一', action: 'flag' });
      const listed = await host.get('/admin/moderation/rules', { token: admin.token });
      expect(listed.body.items.map((rule: { id: string }) => rule.id)).toContain(created.body.id);
      const changed = await host.patch(`/admin/moderation/rules/${created.body.id}`, {
        token: admin.token,
        body: { action: 'hold' },
      });
      expect(changed.status).toBe(200);
      expect(changed.body.action).toBe('hold');
      expect(
        (await host.delete(`/admin/moderation/rules/${created.body.id}`, { token: admin.token })).status,
      ).toBe(204);
      const after = await host.get('/admin/moderation/rules', { token: admin.token });
      expect(after.body.items.map((rule: { id: string }) => rule.id)).not.toContain(created.body.id);
    });

    it('tries a text against the rules without posting it: what would happen, and which phrases match', async () => {
      await addRule('trialblock', 'block');
      await addRule('trialhold', 'hold');
      await addRule('trialflag', 'flag');
      const before = await snapshot();
      const check = (text: string) =>
        host.post('/admin/moderation/rules/check', { token: admin.token, body: { text } });
      expect((await check('nothing to see')).body).toEqual({ action: null, keywords: [] });
      expect((await check('a ＴＲＩＡＬＦＬＡＧ here')).body).toEqual({
        action: 'flag',
        keywords: ['trialflag'],
      });
      const both = await check('trialflag and trialhold');
      expect(both.status).toBe(200);
      expect(both.body).toEqual({ action: 'hold', keywords: ['trialflag', 'trialhold'] });
      expect((await check('trialhold, trialblock')).body.action).toBe('block');
      expect(await snapshot()).toEqual(before);
    });

    it('pages through rules with a cursor', async () => {
      for (const n of [1, 2, 3]) await addRule(`pagedrule${n}`, 'flag');
      const first = await host.get('/admin/moderation/rules', { token: admin.token, query: { limit: 2 } });
      expect(first.body.items).toHaveLength(2);
      const second = await host.get('/admin/moderation/rules', {
        token: admin.token,
        query: { limit: 2, cursor: first.body.nextCursor },
      });
      const ids = [...first.body.items, ...second.body.items].map((rule: { id: string }) => rule.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('refuses a phrase that normalizes like an existing rule', async () => {
      await addRule('dupephrase', 'flag');
      const before = await snapshot();
      const again = await host.post('/admin/moderation/rules', {
        token: admin.token,
        body: { phrase: 'ＤＵＰＥphrase', action: 'block' },
      });
      expectProblem(again, 409, 'rule_exists');
      expect(await snapshot()).toEqual(before);
    });

    it('applies a rule changed by another host instance once the rules version moves', async () => {
      expect((await mood(author, 'otherinstance word')).status).toBe(201);
      // Another instance writes the rule and bumps the version; this one notices within the TTL.
      await host.sql(
        `insert into moderation_rule (id, phrase, normalized, action, created_at, updated_at)
         values ('01900000-0000-7000-8000-000000000001', 'otherinstance', 'otherinstance', 'block', now(), now())`,
      );
      await host.sql('update moderation_rules_version set version = version + 1');
      await new Promise((resolve) => setTimeout(resolve, LIMITS.keywordRulesTtlMs + 100));
      expectProblem(await mood(author, 'otherinstance word'), 422, 'content_blocked');
    });
  });

  describe('block', () => {
    beforeAll(async () => {
      await addRule('badword', 'block');
      await addRule('违禁词', 'block');
    });

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
    beforeAll(async () => {
      await addRule('holdme', 'hold');
      await addRule('审核词', 'hold');
    });

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
      expectProblem(
        await host.post('/reports', {
          token: friend.token,
          body: { subjectType: 'post', subjectId: id, reason: 'spam' },
        }),
        404,
        'not_found',
      );

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

  describe('flag, unpublish and dismiss', () => {
    beforeAll(async () => {
      await addRule('flagme', 'flag');
      await addRule('flagtoo', 'flag');
    });

    it('publishes flagged content at once and queues it; dismissing closes the case', async () => {
      const created = await mood(author, 'FLAGME and flagtoo');
      expect(created.status).toBe(201);
      expect(created.body.moderation).toBeUndefined();
      const id = created.body.id;
      expect((await host.get(`/posts/${id}`, { token: stranger.token })).status).toBe(200);
      expect(await openCase('post', id)).toMatchObject({
        keywordAction: 'flag',
        keywords: ['flagme', 'flagtoo'],
        content: { state: 'published' },
      });
      const dismissed = await decide('dismiss', 'post', id, { reason: 'harmless' });
      expect(dismissed.status).toBe(200);
      expect(dismissed.body).toMatchObject({
        action: 'dismiss',
        previousState: 'published',
        newState: 'published',
      });
      expect(await openCase('post', id)).toBeUndefined();
      expect((await host.get(`/posts/${id}`, { token: stranger.token })).status).toBe(200);
      const closed = await host.get('/admin/moderation/cases', {
        token: admin.token,
        query: { status: 'closed', limit: 100 },
      });
      expect(closed.body.items.find((c: { subjectId: string }) => c.subjectId === id)).toMatchObject({
        status: 'closed',
      });
      expectProblem(await decide('dismiss', 'post', id), 409, 'moderation_conflict');
    });

    it('takes the strongest action when rules of several kinds match', async () => {
      const created = await mood(author, 'flagme and holdme');
      expect(created.body.moderation.state).toBe('held');
      expectProblem(await mood(author, 'flagme holdme badword'), 422, 'content_blocked');
    });

    it('unpublishes a published post: it vanishes from others and its author sees why', async () => {
      const id = (await mood(author, 'a fine mood', 'friends')).body.id;
      const comment = await host.post(`/posts/${id}/comments`, {
        token: friend.token,
        body: { body: 'nice' },
      });
      expect(await traces(friend, id)).toEqual({ get: 200, list: true, feed: true, comments: 200 });
      const countBefore = await postCount(friend, author);
      const unpublished = await decide('unpublish', 'post', id, { reason: 'Copyright complaint' });
      expect(unpublished.status).toBe(200);
      expect(unpublished.body).toMatchObject({
        caseId: null,
        previousState: 'published',
        newState: 'unpublished',
      });
      expect(await traces(friend, id)).toEqual({ get: 404, list: false, feed: false, comments: 404 });
      expect(await postCount(friend, author)).toBe(countBefore - 1);
      const own = await host.get(`/posts/${id}`, { token: author.token });
      expect(own.body.moderation).toEqual({ state: 'unpublished', reason: 'Copyright complaint' });
      // The friend's comment on it no longer shows in the friend's own feed either: its post is gone.
      const feed = await host.get('/feed', { token: friend.token, query: { limit: 100 } });
      expect(
        feed.body.items.some(
          (item: { comment: { id: string } | null }) => item.comment?.id === comment.body.id,
        ),
      ).toBe(false);
      expectProblem(await decide('unpublish', 'post', id, { reason: 'again' }), 409, 'moderation_conflict');
      // An admin may change their mind.
      expect((await decide('approve', 'post', id)).body.newState).toBe('published');
      expect((await host.get(`/posts/${id}`, { token: friend.token })).status).toBe(200);
    });

    it('unpublishes a comment: gone from the list and count, its author sees why', async () => {
      const post = (await mood(author, 'talk')).body.id;
      const comment = (
        await host.post(`/posts/${post}/comments`, { token: friend.token, body: { body: 'rude' } })
      ).body.id;
      expect((await decide('unpublish', 'comment', comment, { reason: 'Be kind' })).status).toBe(200);
      const others = await host.get(`/posts/${post}/comments`, { token: stranger.token });
      expect(others.body.items).toEqual([]);
      expect((await host.get(`/posts/${post}`, { token: stranger.token })).body.commentCount).toBe(0);
      const own = await host.get(`/posts/${post}/comments`, { token: friend.token });
      expect(own.body.items[0]).toMatchObject({
        id: comment,
        moderation: { state: 'unpublished', reason: 'Be kind' },
      });
    });

    it('records every decision, listable by admins and filterable by item', async () => {
      const id = (await mood(author, 'decide me')).body.id;
      await decide('unpublish', 'post', id, { reason: 'first' });
      await decide('approve', 'post', id, { reason: 'second thoughts' });
      const all = await host.get('/admin/moderation/decisions', {
        token: admin.token,
        query: { limit: 100 },
      });
      expect(all.status).toBe(200);
      expect(all.body.items.length).toBeGreaterThanOrEqual(2);
      const mine = await host.get('/admin/moderation/decisions', {
        token: admin.token,
        query: { subjectType: 'post', subjectId: id },
      });
      expect(mine.body.items).toMatchObject([
        {
          action: 'approve',
          reason: 'second thoughts',
          previousState: 'unpublished',
          newState: 'published',
          admin: { id: admin.id },
        },
        { action: 'unpublish', reason: 'first', previousState: 'published', newState: 'unpublished' },
      ]);
      const page = await host.get('/admin/moderation/decisions', { token: admin.token, query: { limit: 1 } });
      const next = await host.get('/admin/moderation/decisions', {
        token: admin.token,
        query: { limit: 1, cursor: page.body.nextCursor },
      });
      expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
    });
  });

  describe('the decision log', () => {
    it('filters by action, admin and time range, and pages within a filter', async () => {
      const other = await factory.admin();
      const posts: string[] = [];
      for (const text of ['log one', 'log two', 'log three']) posts.push((await mood(author, text)).body.id);
      expect((await decide('unpublish', 'post', posts[0], { reason: 'before' })).status).toBe(200);
      host.clock.advance(60_000);
      const boundary = host.clock.now().toISOString();
      expect(
        (await decide('unpublish', 'post', posts[1], { reason: 'by the other' }, other.token)).status,
      ).toBe(200);
      expect((await decide('unpublish', 'post', posts[2], { reason: 'late' })).status).toBe(200);
      expect((await decide('approve', 'post', posts[2], { reason: 'put back' })).status).toBe(200);

      const list = async (query: Record<string, string | number>) => {
        const response = await host.get('/admin/moderation/decisions', {
          token: admin.token,
          query: { limit: 100, ...query },
        });
        expect(response.status).toBe(200);
        return response.body.items.map((item: { reason: string }) => item.reason);
      };
      expect(await list({ from: boundary })).toEqual(['put back', 'late', 'by the other']);
      expect(await list({ from: boundary, action: 'unpublish' })).toEqual(['late', 'by the other']);
      expect(await list({ from: boundary, adminId: other.id })).toEqual(['by the other']);
      expect(await list({ adminId: other.id.toUpperCase() })).toEqual(['by the other']);
      const before = await list({ to: boundary, action: 'unpublish' });
      expect(before).toContain('before');
      expect(before).not.toContain('late');
      expect(await list({ to: boundary, action: 'approve', subjectId: posts[2] })).toEqual([]);

      // Keyset paging keeps the filter: three pages of one, then the end.
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await host.get('/admin/moderation/decisions', {
          token: admin.token,
          query: { limit: 1, from: boundary, cursor },
        });
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((item: { reason: string }) => item.reason));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor && seen.length < 10);
      expect(seen).toEqual(['put back', 'late', 'by the other']);
    });
  });

  describe('reports', () => {
    it('lets users report posts and comments they can see, once each, into one case per item', async () => {
      const id = (await mood(author, 'reportable')).body.id;
      const first = await host.post('/reports', {
        token: friend.token,
        body: { subjectType: 'post', subjectId: id, reason: 'This is spam' },
      });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ subjectType: 'post', subjectId: id, reason: 'This is spam' });
      const before = await snapshot();
      expectProblem(
        await host.post('/reports', {
          token: friend.token,
          body: { subjectType: 'post', subjectId: id, reason: 'again' },
        }),
        409,
        'already_reported',
      );
      expect(await snapshot()).toEqual(before);
      expect(
        (
          await host.post('/reports', {
            token: stranger.token,
            body: { subjectType: 'post', subjectId: id, reason: 'rude' },
          })
        ).status,
      ).toBe(201);
      expect(await openCase('post', id)).toMatchObject({
        keywordAction: null,
        reportCount: 2,
        reportReasons: ['rude', 'This is spam'],
      });
      expect(await count('moderation_case', 'subject_id = ?', [id])).toBe(1);

      const comment = (
        await host.post(`/posts/${id}/comments`, { token: friend.token, body: { body: 'hm' } })
      ).body.id;
      expect(
        (
          await host.post('/reports', {
            token: stranger.token,
            body: { subjectType: 'comment', subjectId: comment, reason: 'x' },
          })
        ).status,
      ).toBe(201);
      expect(await openCase('comment', comment)).toMatchObject({
        reportCount: 1,
        content: { postId: id, text: 'hm' },
      });
    });

    it('answers 404 for content the reporter cannot see, and 400 for their own', async () => {
      const hidden = (await mood(author, 'for friends', 'friends')).body.id;
      const before = await snapshot();
      for (const body of [
        { subjectType: 'post', subjectId: hidden, reason: 'x' },
        { subjectType: 'post', subjectId: MISSING, reason: 'x' },
        { subjectType: 'comment', subjectId: MISSING, reason: 'x' },
      ]) {
        expectProblem(await host.post('/reports', { token: stranger.token, body }), 404, 'not_found');
      }
      expectProblem(
        await host.post('/reports', {
          token: author.token,
          body: { subjectType: 'post', subjectId: hidden, reason: 'x' },
        }),
        400,
        'cannot_target_self',
      );
      for (const body of [
        {},
        { subjectType: 'post', subjectId: hidden },
        { subjectType: 'post', subjectId: hidden, reason: '' },
        { subjectType: 'post', subjectId: hidden, reason: '   ' },
        { subjectType: 'post', subjectId: hidden, reason: 'x'.repeat(LIMITS.reportReasonMax + 1) },
        { subjectType: 'board_message', subjectId: hidden, reason: 'x' },
        { subjectType: 'post', subjectId: 'nope', reason: 'x' },
        { subjectType: 'post', subjectId: hidden, reason: 'x', extra: 1 },
      ]) {
        expectProblem(await host.post('/reports', { token: friend.token, body }), 400, 'validation_failed');
      }
      expect(
        (await host.post('/reports', { body: { subjectType: 'post', subjectId: hidden, reason: 'x' } }))
          .status,
      ).toBe(401);
      expect(await snapshot()).toEqual(before);
    });

    it('lets an admin unpublish a reported post, closing its case', async () => {
      const id = (await mood(author, 'reported then removed')).body.id;
      await host.post('/reports', {
        token: friend.token,
        body: { subjectType: 'post', subjectId: id, reason: 'bad' },
      });
      const caseId = (await openCase('post', id)).id;
      const decision = await decide('unpublish', 'post', id, { reason: 'Reported and confirmed' });
      expect(decision.body.caseId).toBe(caseId);
      expect(await openCase('post', id)).toBeUndefined();
      // Reporting it again is a 404: nobody but its author can see it now.
      expectProblem(
        await host.post('/reports', {
          token: stranger.token,
          body: { subjectType: 'post', subjectId: id, reason: 'x' },
        }),
        404,
        'not_found',
      );
    });
  });

  describe('access and bad input', () => {
    const ROUTES: [string, string, object | undefined][] = [
      ['GET', '/admin/moderation/rules', undefined],
      ['POST', '/admin/moderation/rules', { phrase: 'x', action: 'flag' }],
      ['PATCH', `/admin/moderation/rules/${MISSING}`, { action: 'flag' }],
      ['DELETE', `/admin/moderation/rules/${MISSING}`, undefined],
      ['POST', '/admin/moderation/rules/check', { text: 'x' }],
      ['GET', '/admin/moderation/cases', undefined],
      ['GET', '/admin/moderation/decisions', undefined],
      ['POST', `/admin/moderation/subjects/post/${MISSING}/approve`, {}],
      ['POST', `/admin/moderation/subjects/post/${MISSING}/reject`, { reason: 'x' }],
      ['POST', `/admin/moderation/subjects/post/${MISSING}/unpublish`, { reason: 'x' }],
      ['POST', `/admin/moderation/subjects/post/${MISSING}/dismiss`, {}],
    ];

    it.each(ROUTES)('%s %s: 403 for users, 401 for anonymous visitors', async (method, url, body) => {
      const before = await snapshot();
      expectProblem(await host.call(method, url, { token: author.token, body }), 403, 'forbidden');
      expectProblem(await host.call(method, url, { body }), 401, 'unauthenticated');
      expect(await snapshot()).toEqual(before);
    });

    const badRules: [string, string, string, object | undefined, number, string][] = [
      ['POST', '/admin/moderation/rules', 'no phrase', { action: 'block' }, 400, 'validation_failed'],
      [
        'POST',
        '/admin/moderation/rules',
        'blank phrase',
        { phrase: '   ', action: 'block' },
        400,
        'validation_failed',
      ],
      [
        'POST',
        '/admin/moderation/rules',
        'long phrase',
        { phrase: 'x'.repeat(LIMITS.keywordPhraseMax + 1), action: 'block' },
        400,
        'validation_failed',
      ],
      [
        'POST',
        '/admin/moderation/rules',
        'unknown action',
        { phrase: 'x', action: 'ban' },
        400,
        'validation_failed',
      ],
      [
        'POST',
        '/admin/moderation/rules',
        'wrong type',
        { phrase: 42, action: 'block' },
        400,
        'validation_failed',
      ],
      [
        'POST',
        '/admin/moderation/rules',
        'unknown field',
        { phrase: 'x', action: 'block', x: 1 },
        400,
        'validation_failed',
      ],
      ['POST', '/admin/moderation/rules/check', 'no text', {}, 400, 'validation_failed'],
      ['POST', '/admin/moderation/rules/check', 'empty text', { text: '' }, 400, 'validation_failed'],
      [
        'POST',
        '/admin/moderation/rules/check',
        'text too long',
        { text: 'x'.repeat(LIMITS.blogBodyMax + 1) },
        400,
        'validation_failed',
      ],
      ['PATCH', `/admin/moderation/rules/${MISSING}`, 'missing rule', { action: 'flag' }, 404, 'not_found'],
      ['PATCH', '/admin/moderation/rules/nope', 'malformed id', { action: 'flag' }, 404, 'not_found'],
      [
        'PATCH',
        `/admin/moderation/rules/${MISSING}`,
        'unknown action',
        { action: 'ban' },
        400,
        'validation_failed',
      ],
      ['DELETE', `/admin/moderation/rules/${MISSING}`, 'missing rule', undefined, 404, 'not_found'],
      ['GET', '/admin/moderation/rules?cursor=nope', 'bad cursor', undefined, 400, 'invalid_cursor'],
      ['GET', '/admin/moderation/rules?limit=0', 'bad limit', undefined, 400, 'validation_failed'],
      ['GET', '/admin/moderation/cases?status=maybe', 'bad status', undefined, 400, 'validation_failed'],
      ['GET', '/admin/moderation/cases?cursor=nope', 'bad cursor', undefined, 400, 'invalid_cursor'],
      [
        'GET',
        '/admin/moderation/decisions?subjectType=gift',
        'bad type',
        undefined,
        400,
        'validation_failed',
      ],
      ['GET', '/admin/moderation/decisions?subjectId=nope', 'bad id', undefined, 400, 'validation_failed'],
      ['GET', '/admin/moderation/decisions?action=ban', 'bad action', undefined, 400, 'validation_failed'],
      ['GET', '/admin/moderation/decisions?adminId=root', 'bad admin', undefined, 400, 'validation_failed'],
      ['GET', '/admin/moderation/decisions?from=yesterday', 'bad from', undefined, 400, 'validation_failed'],
      [
        'GET',
        '/admin/moderation/decisions?to=2026-02-30T00:00:00Z',
        'impossible to',
        undefined,
        400,
        'validation_failed',
      ],
      [
        'GET',
        '/admin/moderation/decisions?from=2026-01-31T08:00:00',
        'from without offset',
        undefined,
        400,
        'validation_failed',
      ],
      [
        'GET',
        '/admin/moderation/decisions?from=2026-02-02T00:00:00Z&to=2026-02-01T00:00:00Z',
        'reversed range',
        undefined,
        400,
        'validation_failed',
      ],
      [
        'GET',
        '/admin/moderation/decisions?action=approve&cursor=nope',
        'bad cursor',
        undefined,
        400,
        'invalid_cursor',
      ],
      ['POST', `/admin/moderation/subjects/gift/${MISSING}/approve`, 'unknown type', {}, 404, 'not_found'],
      ['POST', '/admin/moderation/subjects/post/nope/approve', 'malformed id', {}, 404, 'not_found'],
      ['POST', `/admin/moderation/subjects/post/${MISSING}/approve`, 'missing post', {}, 404, 'not_found'],
      [
        'POST',
        `/admin/moderation/subjects/comment/${MISSING}/unpublish`,
        'missing comment',
        { reason: 'x' },
        404,
        'not_found',
      ],
      [
        'POST',
        `/admin/moderation/subjects/post/${MISSING}/reject`,
        'no reason',
        {},
        400,
        'validation_failed',
      ],
      [
        'POST',
        `/admin/moderation/subjects/post/${MISSING}/unpublish`,
        'blank reason',
        { reason: '' },
        400,
        'validation_failed',
      ],
      [
        'POST',
        `/admin/moderation/subjects/post/${MISSING}/approve`,
        'long reason',
        { reason: 'x'.repeat(LIMITS.moderationReasonMax + 1) },
        400,
        'validation_failed',
      ],
      [
        'POST',
        `/admin/moderation/subjects/post/${MISSING}/dismiss`,
        'unknown field',
        { why: 'x' },
        400,
        'validation_failed',
      ],
    ];

    it.each(badRules)(
      '%s %s (%s) → problem, database unchanged',
      async (method, url, _case, body, status, code) => {
        const before = await snapshot();
        const [path, search] = url.split('?');
        const query = search ? Object.fromEntries(new URLSearchParams(search)) : undefined;
        expectProblem(await host.call(method, path, { token: admin.token, body, query }), status, code);
        expect(await snapshot()).toEqual(before);
      },
    );

    it('answers a decision that does not apply with 409 and changes nothing', async () => {
      const id = (await mood(author, 'published and fine')).body.id;
      const before = await snapshot();
      expectProblem(await decide('approve', 'post', id), 409, 'moderation_conflict');
      expectProblem(await decide('reject', 'post', id, { reason: 'x' }), 409, 'moderation_conflict');
      expectProblem(await decide('dismiss', 'post', id), 409, 'moderation_conflict');
      expect(await snapshot()).toEqual(before);
    });

    it('does not let a held item be dismissed out of the queue', async () => {
      await addRule('holdforever', 'hold');
      const id = (await mood(author, 'holdforever')).body.id;
      const before = await snapshot();
      expectProblem(await decide('dismiss', 'post', id), 409, 'moderation_conflict');
      expectProblem(await decide('unpublish', 'post', id, { reason: 'x' }), 409, 'moderation_conflict');
      expect(await snapshot()).toEqual(before);
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
