import { readdirSync } from 'node:fs';
import sharp from 'sharp';
import request from 'supertest';
import { LIMITS } from '../common/limits';
import { factory, host } from '../testing/file-host';
import { pngBomb } from '../testing/images';
import {
  MISSING,
  animatedGif,
  count,
  friend,
  getFile,
  jpegWithGps,
  newAlbum,
  owner,
  png,
  storedFiles,
  upload,
  useAlbumsHost,
  webp,
} from './albums.e2e-setup';

describe('albums and photos (e2e)', () => {
  useAlbumsHost();

  describe('uploads', () => {
    let album: string;
    beforeAll(async () => {
      album = await newAlbum(owner, 'public');
    });

    it('stores a JPEG without its EXIF location, records its size and makes a thumbnail and web copy', async () => {
      const original = await jpegWithGps(2400, 1600);
      expect((await sharp(original).metadata()).exif).toBeDefined();
      const response = await upload(
        owner,
        `/albums/${album}/photos`,
        original,
        'beach.png',
        {
          title: 'Beach',
        },
        'image/png',
      );
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        format: 'jpeg',
        width: 2400,
        height: 1600,
        title: 'Beach',
        albumId: album,
      });
      const id = response.body.id as string;
      for (const size of ['original', 'web', 'thumb']) {
        const file = await getFile(owner, id, size);
        expect(file.status).toBe(200);
        expect(file.headers['content-type']).toBe('image/jpeg');
        expect(file.headers['cache-control']).toBe('public, max-age=300');
        const metadata = await sharp(file.body as Buffer).metadata();
        expect(metadata.format).toBe('jpeg');
        expect(metadata.exif).toBeUndefined();
        expect((file.body as Buffer).includes(Buffer.from('KongjianPhone'))).toBe(false);
        if (size === 'web') expect(Math.max(metadata.width!, metadata.height!)).toBe(LIMITS.photoWebSide);
        if (size === 'thumb') expect(Math.max(metadata.width!, metadata.height!)).toBe(LIMITS.photoThumbSide);
      }
      // The files on disk too.
      const onDisk = storedFiles().filter((file) => file.includes(id));
      expect(onDisk).toHaveLength(3);
    });

    it('refuses a second file in one upload', async () => {
      const photos = await count('photo');
      const response = await request(host.app.getHttpServer())
        .post(`/albums/${album}/photos`)
        .set('Authorization', `Bearer ${owner.token}`)
        .attach('file', await png(), 'a.png')
        .attach('file', await png(), 'b.png');
      expect(response.status).toBe(400);
      expect(await count('photo')).toBe(photos);
    });

    it.each([
      ['PNG', png, 'png', 'image/png'],
      ['WebP', webp, 'webp', 'image/webp'],
      ['animated GIF', animatedGif, 'gif', 'image/gif'],
    ])('accepts a %s, recognised by its content', async (_name, make, format, type) => {
      const response = await upload(owner, `/albums/${album}/photos`, await make(), 'x.jpg');
      expect(response.status).toBe(201);
      expect(response.body.format).toBe(format);
      const file = await getFile(null, response.body.id, 'thumb');
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe(type);
      if (format === 'gif') {
        expect(response.body).toMatchObject({ width: 40, height: 30 });
        expect((await sharp(file.body as Buffer, { animated: true }).metadata()).pages).toBe(3);
      }
    });

    it.each([
      [
        'a text file named .jpg',
        () => Buffer.from('this is not an image at all, just text'),
        415,
        'unsupported_image',
      ],
      [
        'an SVG',
        () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
        415,
        'unsupported_image',
      ],
      ['a zero-byte file', () => Buffer.alloc(0), 400, 'invalid_image'],
      ['a corrupt JPEG', async () => (await jpegWithGps()).subarray(0, 600), 400, 'invalid_image'],
      ['a decompression bomb', async () => pngBomb(), 422, 'image_too_large'],
    ])('refuses %s and stores nothing', async (_case, make, status, code) => {
      const files = storedFiles().length;
      const photos = await count('photo');
      const response = await upload(owner, `/albums/${album}/photos`, await make(), 'photo.jpg');
      expect(response.status).toBe(status);
      expect(response.body.code).toBe(code);
      expect(storedFiles()).toHaveLength(files);
      expect(await count('photo')).toBe(photos);
    });

    it('refuses a file over the size limit, a missing file, unknown fields and non-multipart bodies', async () => {
      const files = storedFiles().length;
      const photos = await count('photo');
      const big = Buffer.alloc(LIMITS.photoFileBytes + 1, 1);
      const tooBig = await upload(owner, `/albums/${album}/photos`, big);
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.code).toBe('payload_too_large');
      const none = await upload(owner, `/albums/${album}/photos`, null, 'x', { title: 'no file' });
      expect(none.status).toBe(400);
      const unknown = await upload(owner, `/albums/${album}/photos`, await png(), 'x.png', { likes: '9' });
      expect(unknown.status).toBe(400);
      const longTitle = await upload(owner, `/albums/${album}/photos`, await png(), 'x.png', {
        title: 'x'.repeat(LIMITS.photoTitleMax + 1),
      });
      expect(longTitle.status).toBe(400);
      const raw = await request(host.app.getHttpServer())
        .post(`/albums/${album}/photos`)
        .set('Authorization', `Bearer ${owner.token}`)
        .set('Content-Type', 'image/jpeg')
        .send(await jpegWithGps());
      expect(raw.status).toBe(415);
      const malformed = await request(host.app.getHttpServer())
        .post(`/albums/${album}/photos`)
        .set('Authorization', `Bearer ${owner.token}`)
        .set('Content-Type', 'multipart/form-data; boundary=xyz')
        .send('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nabc');
      expect(malformed.status).toBe(400);
      expect(malformed.headers['content-type']).toContain('application/problem+json');
      const json = await host.post(`/albums/${album}/photos`, { token: owner.token, body: { file: 'abc' } });
      expect(json.status).toBe(400);
      // Multipart is allowed on the upload routes only.
      const elsewhere = await request(host.app.getHttpServer())
        .post('/moods')
        .set('Authorization', `Bearer ${owner.token}`)
        .field('text', 'hi')
        .field('privacy', 'public');
      expect(elsewhere.status).toBe(415);
      expect(storedFiles()).toHaveLength(files);
      expect(await count('photo')).toBe(photos);
    });

    it("refuses uploads to someone else's album, a missing album, and without a session", async () => {
      const image = await png();
      expect((await upload(friend, `/albums/${album}/photos`, image)).status).toBe(404);
      expect((await upload(owner, `/albums/${MISSING}/photos`, image)).status).toBe(404);
      expect((await upload(null, `/albums/${album}/photos`, image)).status).toBe(401);
    });
  });

  describe('quota', () => {
    it('refuses an upload over quota and leaves no file and no row; deleting frees quota and files', async () => {
      const user = await factory.newUser('quota');
      const album = await newAlbum(user, 'private');
      const first = await upload(user, `/albums/${album}/photos`, await jpegWithGps());
      expect(first.status).toBe(201);
      const usage = await host.get('/me/storage', { token: user.token });
      expect(usage.body).toEqual({ usedBytes: first.body.bytes, quotaBytes: 3 * 1024 ** 3 });

      // Bring the user to 100 bytes short of the quota, as if they had uploaded a lot.
      await host.sql('update storage_usage set bytes = ? where user_id = ?', [3 * 1024 ** 3 - 100, user.id]);
      const files = storedFiles().length;
      const photos = await count('photo');
      const refused = await upload(user, `/albums/${album}/photos`, await png());
      expect(refused.status).toBe(413);
      expect(refused.body.code).toBe('quota_exceeded');
      expect(storedFiles()).toHaveLength(files);
      expect(await count('photo')).toBe(photos);
    });

    it('serializes concurrent uploads so together they never exceed the quota', async () => {
      const user = await factory.newUser('race');
      const image = await png(40, 40);
      const probe = await upload(user, '/photos', image);
      expect(probe.status).toBe(201);
      const bytes = probe.body.bytes as number;
      // Room for exactly two more uploads of this image.
      await host.sql('update storage_usage set bytes = ? where user_id = ?', [
        3 * 1024 ** 3 - 2 * bytes,
        user.id,
      ]);
      const results = await Promise.all(Array.from({ length: 5 }, () => upload(user, '/photos', image)));
      expect(results.filter((response) => response.status === 201)).toHaveLength(2);
      expect(results.filter((response) => response.status === 413)).toHaveLength(3);
      const usage = await host.get('/me/storage', { token: user.token });
      expect(usage.body.usedBytes).toBe(3 * 1024 ** 3);
      const [{ n }] = await host.sql<{ n: number }>(
        'select count(*)::int as n from photo where owner_id = ?',
        [user.id],
      );
      expect(n).toBe(3);
    });

    it('frees quota and files when a photo or an album is deleted', async () => {
      const user = await factory.newUser('deleter');
      const album = await newAlbum(user, 'public');
      const a = await upload(user, `/albums/${album}/photos`, await jpegWithGps());
      const b = await upload(user, `/albums/${album}/photos`, await png());
      const used = async () =>
        (await host.get('/me/storage', { token: user.token })).body.usedBytes as number;
      expect(await used()).toBe(a.body.bytes + b.body.bytes);
      expect((await host.delete(`/photos/${a.body.id}`, { token: friend.token })).status).toBe(404);
      expect((await host.delete(`/photos/${a.body.id}`, { token: user.token })).status).toBe(204);
      expect(await used()).toBe(b.body.bytes);
      expect(storedFiles().filter((file) => file.includes(a.body.id))).toEqual([]);
      expect((await getFile(user, a.body.id)).status).toBe(404);
      expect((await host.delete(`/albums/${album}`, { token: user.token })).status).toBe(204);
      expect(await used()).toBe(0);
      expect(storedFiles().filter((file) => file.includes(b.body.id))).toEqual([]);
      expect((await host.get(`/photos/${b.body.id}`, { token: user.token })).status).toBe(404);
      // No empty folders are left behind either.
      expect(
        readdirSync(host.config.storageDir!).filter((name) => [a.body.id, b.body.id].includes(name)),
      ).toEqual([]);
    });
  });
});
