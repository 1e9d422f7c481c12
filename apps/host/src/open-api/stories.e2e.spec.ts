import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import { type TestApp, type TestUser } from '../testing/factory';
import { OpenApiKit } from './open-api.testing';
import { factory, host, useFileHost } from '../testing/file-host';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('Open API: stories (e2e)', () => {
  useFileHost();

  let kit: OpenApiKit;
  let app: TestApp;
  let appName: string;
  let author: TestUser;
  let friend: TestUser;
  let stranger: TestUser;
  let token: string;

  const count = async (table: string) =>
    (await host.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;
  const snapshot = async () => ({
    posts: await count('post'),
    feed: await count('feed_entry'),
    cases: await count('moderation_case'),
  });
  const story = (body: object, as = token) => host.post('/open/v1/feed/stories', { token: as, body });
  const feedPost = async (viewer: TestUser, postId: string) => {
    const feed = await host.get('/feed', { token: viewer.token, query: { limit: 100 } });
    expect(feed.status).toBe(200);
    return feed.body.items.find((item: { post: { id: string } }) => item.post.id === postId)?.post;
  };

  beforeAll(async () => {
    kit = new OpenApiKit(host, factory);
    app = await kit.approvedApp({ name: 'Happy Farm' });
    appName = 'Happy Farm';
    author = await factory.newUser('farmer');
    friend = await factory.newUser('neighbour');
    stranger = await factory.newUser('stranger');
    await factory.befriend(author, friend);
    token = await kit.token(author, app);
  });

  it("posts a story to the user's space and friends' feeds, attributed to the app", async () => {
    const created = await story({
      text: '  I harvested 10 carrots!  ',
      linkUrl: 'https://farm.example/farms/1',
      imageUrl: 'https://farm.example/carrots.png',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      text: 'I harvested 10 carrots!',
      linkUrl: 'https://farm.example/farms/1',
      imageUrl: 'https://farm.example/carrots.png',
      privacy: 'friends',
      state: 'published',
      createdAt: expect.any(String),
    });

    const seen = await feedPost(friend, created.body.id);
    expect(seen).toMatchObject({
      kind: 'story',
      author: { id: author.id },
      body: 'I harvested 10 carrots!',
      app: { id: app.id, name: appName, iconUrl: null },
      linkUrl: 'https://farm.example/farms/1',
      imageUrl: 'https://farm.example/carrots.png',
      privacy: 'friends',
    });
    const space = await host.get(`/users/${author.id}/posts`, {
      token: friend.token,
      query: { kind: 'story' },
    });
    expect(space.body.items.map((post: { id: string }) => post.id)).toEqual([created.body.id]);

    // Friends-only: a stranger finds it nowhere.
    expectProblem(await host.get(`/posts/${created.body.id}`, { token: stranger.token }), 404, 'not_found');
    const strangerList = await host.get(`/users/${author.id}/posts`, { token: stranger.token });
    expect(strangerList.body.items).toEqual([]);
  });

  it('follows the privacy the app chose', async () => {
    const open = await story({ text: 'public harvest', privacy: 'public' });
    const secret = await story({ text: 'private harvest', privacy: 'private' });
    expect((await host.get(`/posts/${open.body.id}`, { token: stranger.token })).status).toBe(200);
    expect(await feedPost(friend, secret.body.id)).toBeUndefined();
    expectProblem(await host.get(`/posts/${secret.body.id}`, { token: friend.token }), 404, 'not_found');
    expect((await feedPost(author, secret.body.id))?.app.id).toBe(app.id);
  });

  it('shows other posts without an app, and a reposted story with its app', async () => {
    const mood = await factory.newMood(author, 'public', undefined, 'just a mood');
    expect((await host.get(`/posts/${mood}`, { token: friend.token })).body).toMatchObject({
      kind: 'mood',
      app: null,
      linkUrl: null,
      imageUrl: null,
    });
    const original = await story({ text: 'share me', privacy: 'public', linkUrl: 'https://farm.example/x' });
    const repost = await host.post(`/posts/${original.body.id}/reposts`, {
      token: friend.token,
      body: { privacy: 'public' },
    });
    expect(repost.status).toBe(201);
    expect(repost.body).toMatchObject({
      kind: 'repost',
      app: null,
      original: { kind: 'story', app: { id: app.id, name: appName }, linkUrl: 'https://farm.example/x' },
    });
  });

  it('lets the user change who sees a story, or delete it, but not reword it', async () => {
    const created = await story({ text: 'my words?' });
    expectProblem(
      await host.patch(`/posts/${created.body.id}`, { token: author.token, body: { text: 'other words' } }),
      400,
      'validation_failed',
    );
    const changed = await host.patch(`/posts/${created.body.id}`, {
      token: author.token,
      body: { privacy: 'private' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ body: 'my words?', privacy: 'private', app: { id: app.id } });
    expect((await host.delete(`/posts/${created.body.id}`, { token: author.token })).status).toBe(204);
  });

  it('refuses bad stories and posts nothing', async () => {
    const before = await snapshot();
    const bad: object[] = [
      {},
      { text: '' },
      { text: '   ' },
      { text: 'x'.repeat(LIMITS.storyTextMax + 1) },
      { text: 42 },
      { text: 'hi', linkUrl: 'http://farm.example/' },
      { text: 'hi', linkUrl: 'javascript:alert(1)' },
      { text: 'hi', linkUrl: 'https://user:pass@farm.example/' },
      { text: 'hi', imageUrl: 'ftp://farm.example/a.png' },
      { text: 'hi', imageUrl: 'not a url' },
      { text: 'hi', privacy: 'groups' },
      { text: 'hi', privacy: 'everyone' },
      { text: 'hi', authorId: stranger.id },
    ];
    for (const body of bad) expectProblem(await story(body), 400, 'validation_failed');
    expect((await story({ text: 'x'.repeat(LIMITS.storyTextMax) })).status).toBe(201);
    const after = await snapshot();
    expect(after.posts).toBe(before.posts + 1);
  });

  it('screens stories with the keyword rules, like moods', async () => {
    const admin = await factory.admin();
    for (const [phrase, action] of [
      ['forbidden-seed', 'block'],
      ['suspicious-seed', 'hold'],
    ]) {
      const rule = await host.post('/admin/moderation/rules', {
        token: admin.token,
        body: { phrase, action },
      });
      expect(rule.status).toBe(201);
    }
    const before = await snapshot();
    expectProblem(await story({ text: 'buy forbidden-seed here' }), 422, 'content_blocked');
    expect(await snapshot()).toEqual(before);

    const held = await story({ text: 'try suspicious-seed', privacy: 'public' });
    expect(held.status).toBe(201);
    expect(held.body.state).toBe('held');
    expect(await feedPost(friend, held.body.id)).toBeUndefined();
    expectProblem(await host.get(`/posts/${held.body.id}`, { token: stranger.token }), 404, 'not_found');
    const own = await host.get(`/posts/${held.body.id}`, { token: author.token });
    expect(own.body).toMatchObject({ kind: 'story', moderation: { state: 'held' }, app: { id: app.id } });
  });

  it('keeps to a daily quota per user and app, until the next UTC day', async () => {
    const busy = await factory.newUser('busy');
    // Start early in a UTC day, so the whole test stays in that day (tokens issued after the move).
    const now = host.clock.now().getTime();
    host.clock.advance(DAY_MS - (now % DAY_MS) + 60_000);
    let busyToken = await kit.token(busy, app);
    token = await kit.token(author, app);

    for (let i = 0; i < LIMITS.storiesPerUserPerAppPerDay; i++) {
      expect((await story({ text: `story ${i}` }, busyToken)).status).toBe(201);
    }
    const before = await snapshot();
    const refused = await story({ text: 'one too many' }, busyToken);
    expectProblem(refused, 429, 'quota_exceeded');
    const secondsToMidnight = (DAY_MS - (host.clock.now().getTime() % DAY_MS)) / 1000;
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(Math.floor(secondsToMidnight) - 5);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(Math.ceil(secondsToMidnight));
    expect(await snapshot()).toEqual(before);

    // Another app's quota, and another user's, are their own.
    const otherApp = await kit.approvedApp();
    expect((await story({ text: 'other app' }, await kit.token(busy, otherApp))).status).toBe(201);
    expect((await story({ text: 'other user' })).status).toBe(201);

    host.clock.advance(DAY_MS);
    busyToken = await kit.token(busy, app);
    expect((await story({ text: 'a new day' }, busyToken)).status).toBe(201);
  });

  it('lets no story past the quota when several arrive at once', async () => {
    const racer = await factory.newUser('racer');
    const racerToken = await kit.token(racer, app);
    const room = 2;
    await Promise.all(
      Array.from({ length: LIMITS.storiesPerUserPerAppPerDay - room }, (_, i) =>
        story({ text: `warm-up ${i}` }, racerToken),
      ),
    );
    const statuses = (
      await Promise.all(Array.from({ length: 6 }, (_, i) => story({ text: `race ${i}` }, racerToken)))
    ).map((response) => response.status);
    expect(statuses.sort()).toEqual([201, 201, 429, 429, 429, 429]);
  });

  it('keeps the stories of a deleted app, unattributed', async () => {
    const shortLived = await kit.approvedApp();
    const created = await story(
      { text: 'from an app that goes away', privacy: 'public' },
      await kit.token(author, shortLived),
    );
    expect(
      (await host.delete(`/developer/apps/${shortLived.id}`, { token: shortLived.developer.token })).status,
    ).toBe(204);
    expect((await host.get(`/posts/${created.body.id}`, { token: friend.token })).body).toMatchObject({
      kind: 'story',
      app: null,
      body: 'from an app that goes away',
    });
  });
});
