import { readdirSync } from 'node:fs';
import sharp from 'sharp';
import request from 'supertest';
import { expectProblem } from '../testing/expect-problem';
import { type TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';
import { getBytes } from './albums.e2e-setup';

describe('moderation of albums and photos (e2e)', () => {
  useFileHost({ bootstrapAdmin: { username: 'root', password: 'root-password' } });

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

  describe('a reviewer opens the photo of a case', () => {
    const MISSING = '00000000-0000-7000-8000-000000000000';
    const reviewFile = (user: TestUser | null, photoId: string, size?: string) =>
      getBytes(user, `/admin/moderation/photos/${photoId}/file`, size ? { size } : {});
    const photoState = async () =>
      host.sql('select id, moderation, moderation_reason from photo order by id');

    it('shows a held photo, and a photo in a private album, to admins only, without caching it', async () => {
      const publicAlbum = (
        await host.post('/albums', { token: author.token, body: { title: 'public', privacy: 'public' } })
      ).body.id as string;
      const held = (await upload(author, publicAlbum, '又一张待审照片')).body.id as string;
      const privateAlbum = (
        await host.post('/albums', { token: author.token, body: { title: 'mine', privacy: 'private' } })
      ).body.id as string;
      const hidden = await upload(author, privateAlbum, '只给自己看');
      expect(hidden.status).toBe(201);
      const hiddenId = hidden.body.id as string;

      // Through the public route the admin is a stranger: 404, as for anyone the photo is not shared with.
      for (const id of [held, hiddenId]) {
        expect(
          (
            await request(host.app.getHttpServer())
              .get(`/photos/${id}/file?size=thumb`)
              .set('Authorization', `Bearer ${admin.token}`)
          ).status,
        ).toBe(404);
      }

      for (const id of [held, hiddenId]) {
        const thumb = await reviewFile(admin, id);
        expect(thumb.status).toBe(200);
        expect(thumb.headers['content-type']).toMatch(/^image\//);
        expect(thumb.headers['cache-control']).toBe('private, no-store');
        const meta = await sharp(thumb.body as Buffer).metadata();
        expect(meta.width).toBeGreaterThan(0);
        const web = await reviewFile(admin, id, 'web');
        expect(web.status).toBe(200);
        expect((await sharp(web.body as Buffer).metadata()).width).toBe(30);
      }
    });

    it('answers 403 to users (even the author), 401 to visitors, 404 for an unknown photo, 400 for a bad size', async () => {
      const album = (
        await host.post('/albums', { token: author.token, body: { title: 'p', privacy: 'public' } })
      ).body.id as string;
      const id = (await upload(author, album, '第三张待审')).body.id as string;
      const before = await photoState();
      const problem = async (
        user: TestUser | null,
        photoId: string,
        size: string | undefined,
        status: number,
        code: string,
      ) => {
        const response = await host.get(`/admin/moderation/photos/${photoId}/file`, {
          token: user?.token,
          query: size ? { size } : undefined,
        });
        expectProblem(response, status, code);
      };
      await problem(author, id, undefined, 403, 'forbidden');
      await problem(friend, id, 'web', 403, 'forbidden');
      await problem(null, id, undefined, 401, 'unauthenticated');
      await problem(admin, MISSING, undefined, 404, 'not_found');
      await problem(admin, 'nope', undefined, 404, 'not_found');
      await problem(admin, id, 'original', 400, 'validation_failed');
      await problem(admin, id, 'huge', 400, 'validation_failed');
      expect(await photoState()).toEqual(before);
    });
  });
});
