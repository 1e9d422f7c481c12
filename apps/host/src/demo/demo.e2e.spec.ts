import request from 'supertest';
import { DatabaseService } from '../database/database.module';
import { TestHost } from '../testing/test-host';
import { PluginTestKit } from '../plugins/plugins.testing';
import { DEMO_PASSWORD, DemoService } from './demo.service';

describe('demo data (e2e)', () => {
  let host: TestHost;

  // Named as KONGJIAN_ADMIN would: an admin made at start must not make the installation look already used.
  const ADMIN = { username: 'site-admin', password: 'an admin password' };

  beforeAll(async () => {
    host = await TestHost.start({ demoData: true, bootstrapAdmin: ADMIN });
  });
  afterAll(() => host.close());

  it('seeds people who can sign in and see a living feed with every privacy level', async () => {
    const login = await host.post('/sessions', { body: { username: 'xiaoming', password: DEMO_PASSWORD } });
    expect(login.status).toBe(201);
    const feed = await host.get('/feed', { token: login.body.token, query: { limit: 100 } });
    const levels = new Set(feed.body.items.map((item: { post: { privacy: string } }) => item.post.privacy));
    expect([...levels].sort()).toEqual(['friends', 'groups', 'private', 'public']);
    expect(feed.body.items.some((item: { verb: string }) => item.verb === 'commented')).toBe(true);
    expect(feed.body.items.some((item: { verb: string }) => item.verb === 'reposted')).toBe(true);
    const unread = await host.get('/notifications/unread-count', { token: login.body.token });
    expect(unread.body.count).toBeGreaterThan(0);
  });

  it('seeds beside the admin named at start, who can sign in and moderate', async () => {
    const login = await host.post('/sessions', { body: ADMIN });
    expect(login.status).toBe(201);
    const rules = await host.get('/admin/moderation/rules', { token: login.body.token });
    expect(rules.status).toBe(200);
  });

  it('hides what a stranger may not see, even in demo data', async () => {
    const login = await host.post('/sessions', { body: { username: 'zhangwei', password: DEMO_PASSWORD } });
    const xiaoming = await host.post('/sessions', {
      body: { username: 'xiaoming', password: DEMO_PASSWORD },
    });
    const posts = await host.get(`/users/${xiaoming.body.account.id}/posts`, { token: login.body.token });
    // xiaoming has one post of each level and a public repost; a stranger sees the two public ones.
    expect(
      posts.body.items.map((post: { kind: string; privacy: string }) => [post.kind, post.privacy]),
    ).toEqual([
      ['repost', 'public'],
      ['mood', 'public'],
    ]);
  });

  it('seeds a yellow-diamond member with a premium theme, and coins', async () => {
    const login = await host.post('/sessions', { body: { username: 'xiaohong', password: DEMO_PASSWORD } });
    const space = await host.get(`/spaces/${login.body.account.id}`);
    expect(space.body.vip).toMatchObject({ active: true });
    expect(space.body.decoration.themeId).toBe('golden-dragon');
    const wallet = await host.get('/wallet', { token: login.body.token });
    expect(wallet.body.balance).toBeGreaterThan(0);
  });

  it('seeds albums with real images, and a mood with photos', async () => {
    const xiaohong = (
      await host.sql<{ id: string }>("select id from user_account where username = 'xiaohong'")
    )[0].id;
    const albums = await host.get(`/users/${xiaohong}/albums`);
    expect(albums.body.items[0]).toMatchObject({ title: '西湖', photoCount: 3 });
    const photos = await host.get(`/albums/${albums.body.items[0].id}/photos`);
    const file = await request(host.app.getHttpServer()).get(photos.body.items[0].thumbUrl);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    const moods = await host.get(`/users/${xiaohong}/posts`, { query: { kind: 'mood' } });
    expect(moods.body.items.some((post: { photos: unknown[] }) => post.photos.length === 2)).toBe(true);
  });

  it('seeds only once', async () => {
    const before = await host.sql<{ n: number }>('select count(*)::int as n from post');
    await host.app.get(DatabaseService).withContext(() => host.app.get(DemoService).seedIfEmpty());
    expect(await host.sql('select count(*)::int as n from post')).toEqual(before);
  });

  it('registers one published demo app whose credentials authenticate at the token endpoint', async () => {
    const demo = () =>
      host.app.get(DatabaseService).withContext(() => host.app.get(DemoService).ensureDemoApp());
    const credentials = await demo();
    expect(await demo()).toEqual(credentials);
    const apps = await host.sql<{
      name: string;
      status: string;
      published_version: number;
      client_id: string;
    }>('select name, status, published_version, client_id from app where plugin_id is null');
    expect(apps).toEqual([
      {
        name: 'Lucky Draw 幸运抽奖',
        status: 'published',
        published_version: 1,
        client_id: credentials!.clientId,
      },
    ]);
    const introspection = await request(host.app.getHttpServer())
      .post('/oauth/introspect')
      .auth(credentials!.clientId, credentials!.clientSecret)
      .type('form')
      .send({ token: 'not-a-token' });
    expect({ status: introspection.status, body: introspection.body }).toEqual({
      status: 200,
      body: { active: false },
    });
  });
});

describe('demo data with the built-in plugins running (e2e)', () => {
  let kit: PluginTestKit;

  beforeAll(async () => {
    kit = await PluginTestKit.start({ config: { demoData: true } });
  });
  afterAll(() => kit.close());

  it('still seeds the demo people (the platform account is not a person) and installs the plugins for them', async () => {
    const login = await kit.host.post('/sessions', {
      body: { username: 'xiaohong', password: DEMO_PASSWORD },
    });
    expect(login.status).toBe(201);
    const token = login.body.token;
    const mine = await kit.host.get('/me/apps', { token });
    expect(mine.body.items.map((app: { name: string }) => app.name).sort()).toEqual([
      'QQ农场 Farm',
      '投票 Polls',
      '礼物 Gifts',
    ]);
    const farm = await kit.host.call('GET', '/apps/farm/api/farm', { token, raw: true });
    expect(farm.status).toBe(200);
    const friends = await kit.host.call('GET', '/apps/gifts/api/friends', { token, raw: true });
    expect(friends.status).toBe(200);
    expect(JSON.stringify(friends.body)).toContain('小明');
  });
});
