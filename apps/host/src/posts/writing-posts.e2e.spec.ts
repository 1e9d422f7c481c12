import { factory, host } from '../testing/file-host';
import { MISSING, author, friend, snapshot, stranger, usePostsHost } from './posts.e2e-setup';

describe('posts (e2e)', () => {
  usePostsHost();

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
});
