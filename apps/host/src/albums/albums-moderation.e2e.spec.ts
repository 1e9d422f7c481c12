import { readdirSync } from 'node:fs';
import sharp from 'sharp';
import request from 'supertest';
import { TestFactory, type TestUser } from '../testing/factory';
import { TestHost } from '../testing/test-host';

describe('moderation of albums and photos (e2e)', () => {
  let host: TestHost;
  let factory: TestFactory;
  let admin: TestUser;
  let author: TestUser;
  let friend: TestUser;

  const image = () =>
    sharp({ create: { width: 30, height: 20, channels: 3, background: '#884422' } })
      .png()
      .toBuffer();
  const upload = async (user: TestUser, albumId: string, title: string) =>
    request(host.app.getHttpServer())
      .post(`/albums/${albumId}/photos`)
      .set('Authorization', `Bearer ${user.token}`)
      .field('title', title)
      .attach('file', await image(), { filename: 'a.png', contentType: 'image/png' });
  const approve = (type: string, id: string) =>
    host.post(`/admin/moderation/subjects/${type}/${id}/approve`, { token: admin.token });

  beforeAll(async () => {
    host = await TestHost.start({ bootstrapAdmin: { username: 'root', password: 'root-password' } });
    factory = new TestFactory(host);
    const session = await host.post('/sessions', { body: { username: 'root', password: 'root-password' } });
    admin = { id: session.body.account.id, username: 'root', token: session.body.token };
    author = await factory.newUser('author');
    friend = await factory.newUser('friend');
    await factory.befriend(author, friend);
    for (const [phrase, action] of [
      ['禁词', 'block'],
      ['待审', 'hold'],
      ['留意', 'flag'],
    ]) {
      const rule = await host.post('/admin/moderation/rules', {
        token: admin.token,
        body: { phrase, action },
      });
      expect(rule.status).toBe(201);
    }
  });
  afterAll(() => host.close());

  it('blocks an album title with a block keyword and stores nothing', async () => {
    const before = (await host.sql<{ n: number }>('select count(*)::int as n from album'))[0].n;
    const blocked = await host.post('/albums', {
      token: author.token,
      body: { title: '我的禁词相册', privacy: 'public' },
    });
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('content_blocked');
    expect(JSON.stringify(blocked.body)).not.toContain('禁词');
    expect((await host.sql<{ n: number }>('select count(*)::int as n from album'))[0].n).toBe(before);
  });

  it('holds an album until approved: only its owner sees it meanwhile', async () => {
    const created = await host.post('/albums', {
      token: author.token,
      body: { title: '旅行', description: '这是待审内容', privacy: 'friends' },
    });
    expect(created.status).toBe(201);
    expect(created.body.moderation).toMatchObject({ state: 'held' });
    const id = created.body.id as string;
    expect((await host.get(`/albums/${id}`, { token: friend.token })).status).toBe(404);
    const listed = await host.get(`/users/${author.id}/albums`, { token: friend.token });
    expect(listed.body.items.map((album: { id: string }) => album.id)).not.toContain(id);
    expect((await approve('album', id)).status).toBe(200);
    expect((await host.get(`/albums/${id}`, { token: friend.token })).status).toBe(200);
  });

  it('screens photo titles: a blocked upload stores nothing, a held photo and its file are hidden', async () => {
    const album = (
      await host.post('/albums', { token: author.token, body: { title: 'ok', privacy: 'public' } })
    ).body.id as string;
    const storage = host.config.storageDir!;
    const filesBefore = readdirSync(storage).length;
    const blocked = await upload(author, album, '禁词');
    expect(blocked.status).toBe(422);
    expect(readdirSync(storage)).toHaveLength(filesBefore);

    const held = await upload(author, album, '待审照片');
    expect(held.status).toBe(201);
    expect(held.body.moderation).toMatchObject({ state: 'held' });
    const id = held.body.id as string;
    expect((await host.get(`/photos/${id}`, { token: friend.token })).status).toBe(404);
    expect((await request(host.app.getHttpServer()).get(`/photos/${id}/file`)).status).toBe(404);
    expect((await host.get(`/albums/${album}`, { token: friend.token })).body.photoCount).toBe(0);
    expect((await host.get(`/albums/${album}`, { token: author.token })).body.photoCount).toBe(1);
    expect((await approve('photo', id)).status).toBe(200);
    expect((await host.get(`/photos/${id}`, { token: friend.token })).status).toBe(200);

    const flagged = await upload(author, album, '请留意');
    expect(flagged.status).toBe(201);
    expect(flagged.body.moderation).toBeUndefined();
    const queue = await host.get('/admin/moderation/cases', { token: admin.token, query: { limit: 100 } });
    expect(queue.body.items.some((item: { subjectId: string }) => item.subjectId === flagged.body.id)).toBe(
      true,
    );
  });
});
