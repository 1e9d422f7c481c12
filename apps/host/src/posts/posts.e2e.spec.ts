import { TestFactory, type TestUser } from '../testing/factory';
import { TestHost } from '../testing/test-host';

const MISSING = '00000000-0000-7000-8000-000000000000';

describe('posts (e2e)', () => {
  let host: TestHost;
  let factory: TestFactory;
  let author: TestUser;
  let friend: TestUser;
  let stranger: TestUser;

  const count = async (table: string) =>
    (await host.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;
  const snapshot = async () => ({
    posts: await count('post'),
    comments: await count('comment'),
    likes: await count('post_like'),
    audiences: await count('audience_group'),
    feed: await count('feed_entry'),
  });

  beforeAll(async () => {
    host = await TestHost.start();
    factory = new TestFactory(host);
    author = await factory.newUser('author');
    friend = await factory.newUser('friend');
    stranger = await factory.newUser('stranger');
    await factory.befriend(author, friend);
  });
  afterAll(() => host.close());

  describe('moods', () => {
    it('posts a mood of up to 2,000 characters and shows it to friends', async () => {
      const text = '今天天气真好'.repeat(333).slice(0, 2000);
      const created = await host.post('/moods', { token: author.token, body: { text, privacy: 'friends' } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        kind: 'mood',
        body: text,
        privacy: 'friends',
        author: { id: author.id },
      });
      const seen = await host.get(`/posts/${created.body.id}`, { token: friend.token });
      expect(seen.body.body).toBe(text);
    });

    it.each([
      ['text over 2,000 characters', { text: 'x'.repeat(2001), privacy: 'public' }],
      ['blank text', { text: '   ', privacy: 'public' }],
      ['missing text', { privacy: 'public' }],
      ['missing privacy', { text: 'hi' }],
      ['unknown privacy', { text: 'hi', privacy: 'secret' }],
      ['wrong type', { text: 42, privacy: 'public' }],
      ['unknown field', { text: 'hi', privacy: 'public', likes: 100 }],
      ['groups without groups', { text: 'hi', privacy: 'groups' }],
      ['groups on a public mood', { text: 'hi', privacy: 'public', groupIds: [MISSING] }],
      ['a group that is not mine', { text: 'hi', privacy: 'groups', groupIds: [MISSING] }],
      ['a malformed group id', { text: 'hi', privacy: 'groups', groupIds: ['nope'] }],
    ])('refuses %s and stores nothing', async (_case, body) => {
      const before = await snapshot();
      const response = await host.post('/moods', { token: author.token, body });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await snapshot()).toEqual(before);
    });

    it("refuses another user's friend group as an audience", async () => {
      const theirs = await factory.newGroup(friend, 'theirs', [author]);
      const before = await snapshot();
      const response = await host.post('/moods', {
        token: author.token,
        body: { text: 'hi', privacy: 'groups', groupIds: [theirs] },
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('unknown_group');
      expect(await snapshot()).toEqual(before);
    });

    it('needs a session to post', async () => {
      const response = await host.post('/moods', { body: { text: 'hi', privacy: 'public' } });
      expect(response.status).toBe(401);
    });
  });

  describe('blogs', () => {
    it('keeps formatting and removes scripts, event handlers and javascript: URLs', async () => {
      const html =
        '<h2>Trip</h2><p onclick="steal()">We went <b>hiking</b> <a href="javascript:alert(1)">here</a>' +
        '<a href="https://example.com/map">map</a></p><script>alert(1)</script>' +
        '<img src="x" onerror="alert(1)"><img src="https://example.com/a.png" alt="view"><iframe src="https://evil"></iframe>';
      const created = await host.post('/blogs', {
        token: author.token,
        body: { title: 'Summer', body: html, privacy: 'public' },
      });
      expect(created.status).toBe(201);
      const body: string = created.body.body;
      expect(created.body.title).toBe('Summer');
      expect(body).toContain('<h2>Trip</h2>');
      expect(body).toContain('<b>hiking</b>');
      expect(body).toContain('href="https://example.com/map"');
      expect(body).toContain('src="https://example.com/a.png"');
      for (const forbidden of ['<script', 'onclick', 'onerror', 'javascript:', '<iframe', 'alert(1)']) {
        expect(body).not.toContain(forbidden);
      }
    });

    it('takes a blog of the longest allowed length in Chinese', async () => {
      const body = '春'.repeat(100_000);
      const created = await host.post('/blogs', {
        token: author.token,
        body: { title: '长文', body, privacy: 'public' },
      });
      expect(created.status).toBe(201);
      expect(created.body.body).toHaveLength(100_000);
    });

    it.each([
      ['missing title', { body: '<p>x</p>', privacy: 'public' }],
      ['oversized title', { title: 't'.repeat(201), body: 'x', privacy: 'public' }],
      ['wrong body type', { title: 't', body: ['x'], privacy: 'public' }],
    ])('refuses %s', async (_case, body) => {
      const before = await snapshot();
      expect((await host.post('/blogs', { token: author.token, body })).status).toBe(400);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('editing and deleting', () => {
    it('lets the author edit text and change privacy, and nobody else', async () => {
      const id = await factory.newMood(author, 'public', undefined, 'first');
      const foreign = await host.patch(`/posts/${id}`, { token: friend.token, body: { text: 'hacked' } });
      expect(foreign.status).toBe(404);

      const edited = await host.patch(`/posts/${id}`, {
        token: author.token,
        body: { text: 'second', privacy: 'private' },
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ body: 'second', privacy: 'private' });
      expect((await host.get(`/posts/${id}`, { token: friend.token })).status).toBe(404);
      expect((await host.get(`/posts/${id}`, { token: author.token })).body.body).toBe('second');
    });

    it('moves a post to chosen groups and back', async () => {
      const member = await factory.newUser('member');
      await factory.befriend(author, member);
      const group = await factory.newGroup(author, 'inner circle', [member]);
      const id = await factory.newMood(author, 'friends');
      const narrowed = await host.patch(`/posts/${id}`, {
        token: author.token,
        body: { privacy: 'groups', groupIds: [group] },
      });
      expect(narrowed.body.groupIds).toEqual([group]);
      expect((await host.get(`/posts/${id}`, { token: friend.token })).status).toBe(404);
      expect((await host.get(`/posts/${id}`, { token: member.token })).status).toBe(200);
      await host.patch(`/posts/${id}`, { token: author.token, body: { privacy: 'friends' } });
      expect((await host.get(`/posts/${id}`, { token: friend.token })).status).toBe(200);
    });

    it('refuses blog fields on a mood and an empty title on a blog', async () => {
      const id = await factory.newMood(author);
      expect((await host.patch(`/posts/${id}`, { token: author.token, body: { title: 'x' } })).status).toBe(
        400,
      );
      expect((await host.patch(`/posts/${id}`, { token: author.token, body: { text: '' } })).status).toBe(
        400,
      );
      expect((await host.patch(`/posts/${id}`, { token: author.token, body: { mood: 'x' } })).status).toBe(
        400,
      );
      expect((await host.get(`/posts/${id}`, { token: author.token })).body.body).toBe('a mood');
    });

    it('deletes a post with its comments and likes; reposts show the original as gone', async () => {
      const id = await factory.newMood(author);
      await host.post(`/posts/${id}/comments`, { token: friend.token, body: { body: 'hi' } });
      await host.put(`/posts/${id}/like`, { token: friend.token });
      const repost = await host.post(`/posts/${id}/reposts`, {
        token: friend.token,
        body: { privacy: 'public' },
      });

      expect((await host.delete(`/posts/${id}`, { token: friend.token })).status).toBe(404);
      expect((await host.delete(`/posts/${id}`, { token: author.token })).status).toBe(204);
      expect((await host.get(`/posts/${id}`, { token: author.token })).status).toBe(404);
      expect(await host.sql('select 1 from comment where post_id = ?', [id])).toHaveLength(0);
      expect(await host.sql('select 1 from post_like where post_id = ?', [id])).toHaveLength(0);
      const orphan = await host.get(`/posts/${repost.body.id}`, { token: stranger.token });
      expect(orphan.body).toMatchObject({ original: null, originalUnavailable: true });
      expect((await host.delete(`/posts/${id}`, { token: author.token })).status).toBe(404);
    });
  });

  describe('reposts', () => {
    it('embeds the original, flattens reposts of reposts, and hides an original the viewer cannot see', async () => {
      const original = await factory.newMood(author, 'friends', undefined, 'for friends');
      const repost = await host.post(`/posts/${original}/reposts`, {
        token: friend.token,
        body: { text: 'so true', privacy: 'public' },
      });
      expect(repost.status).toBe(201);
      expect(repost.body).toMatchObject({
        kind: 'repost',
        body: 'so true',
        original: { id: original, body: 'for friends' },
      });

      const again = await host.post(`/posts/${repost.body.id}/reposts`, {
        token: author.token,
        body: { privacy: 'public' },
      });
      expect(again.body.original.id).toBe(original);

      const asStranger = await host.get(`/posts/${repost.body.id}`, { token: stranger.token });
      expect(asStranger.status).toBe(200);
      expect(asStranger.body).toMatchObject({ original: null, originalUnavailable: true });
    });

    it('counts only the reposts the viewer may see', async () => {
      const original = await factory.newMood(author, 'public');
      await host.post(`/posts/${original}/reposts`, { token: friend.token, body: { privacy: 'private' } });
      await host.post(`/posts/${original}/reposts`, { token: stranger.token, body: { privacy: 'public' } });
      expect((await host.get(`/posts/${original}`, { token: friend.token })).body.repostCount).toBe(2);
      expect((await host.get(`/posts/${original}`, { token: author.token })).body.repostCount).toBe(1);
      expect((await host.get(`/posts/${original}`)).body.repostCount).toBe(1);
    });

    it('refuses to repost what does not exist', async () => {
      const response = await host.post(`/posts/${MISSING}/reposts`, {
        token: friend.token,
        body: { privacy: 'public' },
      });
      expect(response.status).toBe(404);
    });
  });

  describe('comments', () => {
    it('takes comments and one level of replies, newest first', async () => {
      const id = await factory.newMood(author);
      const first = await host.post(`/posts/${id}/comments`, {
        token: friend.token,
        body: { body: 'first!' },
      });
      expect(first.status).toBe(201);
      const reply = await host.post(`/posts/${id}/comments`, {
        token: author.token,
        body: { body: 'thanks', parentId: first.body.id },
      });
      expect(reply.body.parentId).toBe(first.body.id);
      const nested = await host.post(`/posts/${id}/comments`, {
        token: friend.token,
        body: { body: 'deeper', parentId: reply.body.id },
      });
      expect(nested.status).toBe(400);
      expect(nested.body.code).toBe('invalid_parent');

      const list = await host.get(`/posts/${id}/comments`, { token: stranger.token });
      expect(list.body.items.map((comment: { body: string }) => comment.body)).toEqual(['thanks', 'first!']);
      expect((await host.get(`/posts/${id}`, { token: stranger.token })).body.commentCount).toBe(2);
    });

    it('refuses a reply to a comment of another post', async () => {
      const one = await factory.newMood(author);
      const other = await factory.newMood(author);
      const comment = await host.post(`/posts/${one}/comments`, { token: friend.token, body: { body: 'x' } });
      const response = await host.post(`/posts/${other}/comments`, {
        token: friend.token,
        body: { body: 'y', parentId: comment.body.id },
      });
      expect(response.status).toBe(400);
    });

    it('lets the comment author and the post author delete a comment, and no one else', async () => {
      const id = await factory.newMood(author);
      const mine = await host.post(`/posts/${id}/comments`, { token: friend.token, body: { body: 'mine' } });
      const other = await host.post(`/posts/${id}/comments`, {
        token: stranger.token,
        body: { body: 'other' },
      });
      expect(
        (await host.delete(`/posts/${id}/comments/${mine.body.id}`, { token: stranger.token })).status,
      ).toBe(404);
      expect(
        (await host.delete(`/posts/${id}/comments/${mine.body.id}`, { token: friend.token })).status,
      ).toBe(204);
      expect(
        (await host.delete(`/posts/${id}/comments/${other.body.id}`, { token: author.token })).status,
      ).toBe(204);
      expect((await host.get(`/posts/${id}/comments`, { token: author.token })).body.items).toHaveLength(0);
    });

    it.each([
      ['an empty body', { body: '' }],
      ['a blank body', { body: '   ' }],
      ['an oversized body', { body: 'x'.repeat(1001) }],
      ['an unknown field', { body: 'x', rating: 5 }],
      ['a malformed parent', { body: 'x', parentId: 'abc' }],
    ])('refuses %s', async (_case, body) => {
      const id = await factory.newMood(author);
      const before = await snapshot();
      expect((await host.post(`/posts/${id}/comments`, { token: friend.token, body })).status).toBe(400);
      expect(await snapshot()).toEqual(before);
    });

    it('pages through comments with a cursor', async () => {
      const id = await factory.newMood(author);
      for (let index = 0; index < 5; index++) {
        await host.post(`/posts/${id}/comments`, { token: friend.token, body: { body: `c${index}` } });
      }
      const first = await host.get(`/posts/${id}/comments`, { query: { limit: 2 } });
      const second = await host.get(`/posts/${id}/comments`, {
        query: { limit: 2, cursor: first.body.nextCursor },
      });
      const third = await host.get(`/posts/${id}/comments`, {
        query: { limit: 2, cursor: second.body.nextCursor },
      });
      const bodies = [...first.body.items, ...second.body.items, ...third.body.items].map(
        (c: { body: string }) => c.body,
      );
      expect(bodies).toEqual(['c4', 'c3', 'c2', 'c1', 'c0']);
      expect(third.body.nextCursor).toBeNull();
    });
  });

  describe('likes', () => {
    it('counts liking twice as one like, and unliking takes it back', async () => {
      const id = await factory.newMood(author);
      expect((await host.put(`/posts/${id}/like`, { token: friend.token })).body).toEqual({
        liked: true,
        likeCount: 1,
      });
      expect((await host.put(`/posts/${id}/like`, { token: friend.token })).body).toEqual({
        liked: true,
        likeCount: 1,
      });
      expect((await host.get(`/posts/${id}`, { token: friend.token })).body.likedByMe).toBe(true);
      expect((await host.delete(`/posts/${id}/like`, { token: friend.token })).body).toEqual({
        liked: false,
        likeCount: 0,
      });
    });

    it('keeps one like when the same user likes 50 times at once', async () => {
      const id = await factory.newMood(author);
      const responses = await Promise.all(
        Array.from({ length: 50 }, () => host.put(`/posts/${id}/like`, { token: friend.token })),
      );
      expect(responses.every((response) => response.status === 200)).toBe(true);
      expect(await host.sql('select 1 from post_like where post_id = ?', [id])).toHaveLength(1);
      expect((await host.get(`/posts/${id}`, { token: author.token })).body.likeCount).toBe(1);
      const notifications = await host.sql("select 1 from notification where post_id = ? and kind = 'like'", [
        id,
      ]);
      expect(notifications).toHaveLength(1);
    });
  });

  describe('lists and bad ids', () => {
    it("lists a user's posts newest first, by kind, with a cursor", async () => {
      const writer = await factory.newUser('writer');
      const ids: string[] = [];
      for (let index = 0; index < 3; index++)
        ids.push(await factory.newMood(writer, 'public', undefined, `m${index}`));
      await host.post('/blogs', { token: writer.token, body: { title: 'b', body: 'b', privacy: 'public' } });
      const moods = await host.get(`/users/${writer.id}/posts`, { query: { kind: 'mood', limit: 2 } });
      expect(moods.body.items.map((post: { id: string }) => post.id)).toEqual([ids[2], ids[1]]);
      const rest = await host.get(`/users/${writer.id}/posts`, {
        query: { kind: 'mood', limit: 2, cursor: moods.body.nextCursor },
      });
      expect(rest.body.items.map((post: { id: string }) => post.id)).toEqual([ids[0]]);
      expect(rest.body.nextCursor).toBeNull();
    });

    it.each([
      ['a page size over the cap', { limit: 101 }],
      ['a page size of zero', { limit: 0 }],
      ['a non-numeric page size', { limit: 'ten' }],
      ['an unknown kind', { kind: 'photo' }],
      ['an unknown parameter', { sort: 'oldest' }],
    ])('refuses %s', async (_case, query) => {
      const response = await host.get(`/users/${author.id}/posts`, {
        query: query as Record<string, string>,
      });
      expect(response.status).toBe(400);
    });

    it('refuses a cursor it did not issue', async () => {
      const response = await host.get(`/users/${author.id}/posts`, { query: { cursor: 'not-a-cursor' } });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('invalid_cursor');
    });

    it.each([
      ['GET', `/posts/${MISSING}`],
      ['GET', '/posts/not-an-id'],
      ['GET', `/posts/${MISSING}/comments`],
      ['GET', `/users/${MISSING}/posts`],
      ['PUT', `/posts/${MISSING}/like`],
      ['DELETE', `/posts/${MISSING}/like`],
      ['POST', `/posts/${MISSING}/comments`],
      ['DELETE', `/posts/${MISSING}/comments/${MISSING}`],
      ['PATCH', `/posts/${MISSING}`],
      ['DELETE', `/posts/${MISSING}`],
    ])('answers 404 for %s %s', async (method, url) => {
      const body = method === 'POST' ? { body: 'x' } : method === 'PATCH' ? { text: 'x' } : undefined;
      const response = await host.call(method, url, { token: author.token, body });
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('not_found');
    });
  });
});
