import { factory, host } from '../testing/file-host';
import { MISSING, author, friend, snapshot, stranger, usePostsHost } from './posts.e2e-setup';

describe('posts (e2e)', () => {
  usePostsHost();

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
