import { type TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';

interface FeedItem {
  verb: string;
  actor: { id: string };
  post: { id: string; body: string };
  comment: { body: string } | null;
}

describe('feed (e2e)', () => {
  useFileHost();

  let viewer: TestUser;
  let friend: TestUser;
  let stranger: TestUser;

  const feed = async (user: TestUser, query: Record<string, string | number> = {}) => {
    const response = await host.get('/feed', { token: user.token, query });
    expect(response.status).toBe(200);
    return response.body as { items: FeedItem[]; nextCursor: string | null };
  };

  beforeAll(async () => {
    viewer = await factory.newUser('viewer');
    friend = await factory.newUser('friend');
    stranger = await factory.newUser('stranger');
    await factory.befriend(viewer, friend);
  });

  it("shows what my friends and I posted, reposted and commented, newest first, and not strangers' posts", async () => {
    const mine = await factory.newMood(viewer, 'private', undefined, 'note to self');
    const theirs = await factory.newMood(friend, 'friends', undefined, 'friends only');
    const strangers = await factory.newMood(stranger, 'public', undefined, 'public stranger');
    await host.post(`/posts/${strangers}/comments`, { token: friend.token, body: { body: 'nice one' } });
    await host.post(`/posts/${mine}/reposts`, {
      token: viewer.token,
      body: { text: 'again', privacy: 'private' },
    });

    const { items } = await feed(viewer);
    expect(items.map((item) => [item.verb, item.actor.id, item.post.body])).toEqual([
      ['reposted', viewer.id, 'again'],
      ['commented', friend.id, 'public stranger'],
      ['posted', friend.id, 'friends only'],
      ['posted', viewer.id, 'note to self'],
    ]);
    expect(items[1].comment?.body).toBe('nice one');
    expect(items.some((item) => item.post.id === theirs)).toBe(true);

    // The friend sees the friend-only mood but not the viewer's private note or its private repost.
    const friendFeed = await feed(friend);
    expect(friendFeed.items.map((item) => [item.verb, item.post.body])).toEqual([
      ['commented', 'public stranger'],
      ['posted', 'friends only'],
    ]);
  });

  it('pages with an opaque cursor without repeating or skipping', async () => {
    const reader = await factory.newUser('reader');
    const writer = await factory.newUser('writer');
    await factory.befriend(reader, writer);
    const written: string[] = [];
    for (let index = 0; index < 25; index++)
      written.push(await factory.newMood(writer, 'friends', undefined, `#${index}`));
    const seen: string[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const page = await feed(reader, { limit: 10, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.post.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...written].reverse());
  });

  it('drops a former friend and a deleted post from the feed', async () => {
    const reader = await factory.newUser('reader');
    const exFriend = await factory.newUser('ex');
    await factory.befriend(reader, exFriend);
    const kept = await factory.newMood(exFriend, 'public');
    const deleted = await factory.newMood(reader, 'public');
    expect((await feed(reader)).items.map((item) => item.post.id)).toEqual([deleted, kept]);

    await host.delete(`/posts/${deleted}`, { token: reader.token });
    await host.delete(`/friends/${exFriend.id}`, { token: reader.token });
    expect((await feed(reader)).items).toEqual([]);
  });

  it('needs a session and refuses bad paging', async () => {
    expect((await host.get('/feed')).status).toBe(401);
    expect((await host.get('/feed', { token: viewer.token, query: { limit: 1000 } })).status).toBe(400);
    const garbage = await host.get('/feed', { token: viewer.token, query: { cursor: 'eyJ4Ijo1fQ' } });
    expect(garbage.status).toBe(400);
    expect(garbage.body.code).toBe('invalid_cursor');
  });
});
