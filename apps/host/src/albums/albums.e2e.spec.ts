import { readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { LIMITS } from '../common/limits';
import { pngBomb } from '../testing/images';
import { TestFactory, type TestUser } from '../testing/factory';
import { HOST_SPEC_PATH, SpecValidator } from '../testing/spec-validator';
import { TestHost } from '../testing/test-host';

const MISSING = '00000000-0000-7000-8000-000000000000';

/** A real JPEG with EXIF including a GPS location, as a phone writes it. */
async function jpegWithGps(width = 800, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'KongjianPhone', Model: 'K1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '39/1 54/1 2700/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '116/1 23/1 2900/100',
      },
    })
    .toBuffer();
}

const png = (width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 4, background: { r: 0, g: 120, b: 255, alpha: 0.5 } } })
    .png()
    .toBuffer();
const webp = () =>
  sharp({ create: { width: 50, height: 50, channels: 3, background: '#33aa55' } })
    .webp()
    .toBuffer();
/** An animated GIF of three frames. */
const animatedGif = async () => {
  const frame = (color: string) =>
    sharp({ create: { width: 40, height: 30, channels: 3, background: color } })
      .raw()
      .toBuffer();
  const frames = Buffer.concat([await frame('#ff0000'), await frame('#00ff00'), await frame('#0000ff')]);
  return sharp(frames, { raw: { width: 40, height: 90, channels: 3, pageHeight: 30 } as sharp.Raw })
    .gif({ loop: 0, delay: [100, 100, 100] })
    .toBuffer();
};

describe('albums and photos (e2e)', () => {
  let host: TestHost;
  let factory: TestFactory;
  let owner: TestUser;
  let friend: TestUser;
  let stranger: TestUser;
  const validator = new SpecValidator(HOST_SPEC_PATH);

  const storedFiles = (): string[] => {
    const root = host.config.storageDir!;
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
      );
    return walk(root);
  };
  const count = async (table: string) =>
    (await host.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

  /** A multipart upload through the real HTTP stack, its response checked against the spec. */
  async function upload(
    user: TestUser | null,
    url: string,
    file: Buffer | null,
    filename = 'photo.jpg',
    fields: Record<string, string> = {},
    contentType?: string,
  ) {
    let pending = request(host.app.getHttpServer()).post(url);
    if (user) pending = pending.set('Authorization', `Bearer ${user.token}`);
    for (const [name, value] of Object.entries(fields)) pending = pending.field(name, value);
    if (file) pending = pending.attach('file', file, { filename, contentType: contentType ?? 'image/jpeg' });
    const response = await pending;
    const problems = validator.check(
      'POST',
      url,
      response.status,
      response.headers['content-type'],
      response.body,
    );
    if (problems.length > 0) throw new Error(`Response breaks the spec:\n${problems.join('\n')}`);
    return response;
  }

  async function getFile(user: TestUser | null, photoId: string, size = 'original') {
    let pending = request(host.app.getHttpServer())
      .get(`/photos/${photoId}/file`)
      .query({ size })
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    if (user) pending = pending.set('Authorization', `Bearer ${user.token}`);
    return pending;
  }

  async function newAlbum(user: TestUser, privacy = 'public', extra: Record<string, unknown> = {}) {
    const response = await host.post('/albums', {
      token: user.token,
      body: { title: 'Trip', privacy, ...extra },
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  beforeAll(async () => {
    host = await TestHost.start();
    factory = new TestFactory(host);
    owner = await factory.newUser('owner');
    friend = await factory.newUser('friend');
    stranger = await factory.newUser('stranger');
    await factory.befriend(owner, friend);
  });
  afterAll(() => host.close());

  describe('albums', () => {
    it('creates, edits, lists and deletes albums with the privacy rule deciding who sees them', async () => {
      const open = await newAlbum(owner, 'public');
      const friendsOnly = await newAlbum(owner, 'friends');
      const mine = await newAlbum(owner, 'private');
      const listed = async (viewer: TestUser | null) =>
        (await host.get(`/users/${owner.id}/albums`, { token: viewer?.token })).body.items.map(
          (album: { id: string }) => album.id,
        );
      expect(await listed(owner)).toEqual([mine, friendsOnly, open]);
      expect(await listed(friend)).toEqual([friendsOnly, open]);
      expect(await listed(stranger)).toEqual([open]);
      expect(await listed(null)).toEqual([open]);
      expect((await host.get(`/albums/${friendsOnly}`, { token: stranger.token })).status).toBe(404);
      expect((await host.get(`/albums/${mine}`, { token: friend.token })).status).toBe(404);

      const page1 = await host.get(`/users/${owner.id}/albums`, { token: owner.token, query: { limit: 2 } });
      const page2 = await host.get(`/users/${owner.id}/albums`, {
        token: owner.token,
        query: { limit: 2, cursor: page1.body.nextCursor },
      });
      expect([...page1.body.items, ...page2.body.items].map((album: { id: string }) => album.id)).toEqual([
        mine,
        friendsOnly,
        open,
      ]);

      const edited = await host.patch(`/albums/${mine}`, {
        token: owner.token,
        body: { title: '  Summer ', description: 'by the sea', privacy: 'friends' },
      });
      expect(edited.body).toMatchObject({ title: 'Summer', description: 'by the sea', privacy: 'friends' });
      expect((await host.get(`/albums/${mine}`, { token: friend.token })).status).toBe(200);
      expect(
        (await host.patch(`/albums/${mine}`, { token: friend.token, body: { title: 'x' } })).status,
      ).toBe(404);
      expect((await host.delete(`/albums/${mine}`, { token: friend.token })).status).toBe(404);
      expect((await host.delete(`/albums/${mine}`, { token: owner.token })).status).toBe(204);
      expect((await host.get(`/albums/${mine}`, { token: owner.token })).status).toBe(404);
    });

    it('shows a groups album only to friends in the chosen groups', async () => {
      const other = await factory.newUser('other');
      await factory.befriend(owner, other);
      const group = await factory.newGroup(owner, `close-${Date.now()}`, [friend]);
      const album = await newAlbum(owner, 'groups', { groupIds: [group] });
      expect((await host.get(`/albums/${album}`, { token: friend.token })).status).toBe(200);
      expect((await host.get(`/albums/${album}`, { token: other.token })).status).toBe(404);
      expect((await host.get(`/albums/${album}`, { token: owner.token })).body.groupIds).toEqual([group]);
    });

    it.each([
      ['a missing title', { privacy: 'public' }],
      ['a blank title', { title: '   ', privacy: 'public' }],
      ['a long title', { title: 'x'.repeat(LIMITS.albumTitleMax + 1), privacy: 'public' }],
      ['an unknown privacy', { title: 'a', privacy: 'secret' }],
      ['an unknown field', { title: 'a', privacy: 'public', photos: 3 }],
      ['groups without groups', { title: 'a', privacy: 'groups' }],
      ['a group that is not mine', { title: 'a', privacy: 'groups', groupIds: [MISSING] }],
    ])('refuses an album with %s', async (_case, body) => {
      const before = await count('album');
      const response = await host.post('/albums', { token: owner.token, body });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(await count('album')).toBe(before);
    });

    it('needs a session to create and 404s malformed or unknown ids', async () => {
      expect((await host.post('/albums', { body: { title: 'a', privacy: 'public' } })).status).toBe(401);
      expect((await host.get('/albums/nope')).status).toBe(404);
      expect((await host.get(`/albums/${MISSING}`)).status).toBe(404);
      expect((await host.get(`/users/${MISSING}/albums`)).status).toBe(404);
      expect((await host.patch(`/albums/${MISSING}`, { token: owner.token, body: {} })).status).toBe(404);
      expect((await host.get(`/albums/${MISSING}/photos`)).status).toBe(404);
    });
  });

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

  describe('privacy of photos and files', () => {
    it('serves a photo and its file only to those who may see its album', async () => {
      const album = await newAlbum(owner, 'friends');
      const photo = (await upload(owner, `/albums/${album}/photos`, await png())).body.id as string;
      expect((await host.get(`/photos/${photo}`, { token: friend.token })).status).toBe(200);
      expect((await host.get(`/photos/${photo}`, { token: stranger.token })).status).toBe(404);
      expect((await host.get(`/photos/${photo}`)).status).toBe(404);
      const seen = await getFile(friend, photo, 'web');
      expect(seen.status).toBe(200);
      expect(seen.headers['cache-control']).toBe('private, max-age=300');
      expect((await getFile(stranger, photo)).status).toBe(404);
      expect((await getFile(null, photo)).status).toBe(404);
      expect((await host.get(`/albums/${album}/photos`, { token: friend.token })).body.items).toHaveLength(1);
      expect((await host.get(`/albums/${album}/photos`, { token: stranger.token })).status).toBe(404);

      // The session cookie opens files too, for <img> tags.
      const login = await request(host.app.getHttpServer())
        .post('/sessions')
        .send({ username: friend.username, password: factory.password });
      const cookie = login.headers['set-cookie'];
      if (cookie) {
        const byCookie = await request(host.app.getHttpServer())
          .get(`/photos/${photo}/file`)
          .set('Cookie', cookie);
        expect(byCookie.status).toBe(200);
      }

      // Made private, it stops opening at once.
      await host.patch(`/albums/${album}`, { token: owner.token, body: { privacy: 'private' } });
      expect((await getFile(friend, photo)).status).toBe(404);
      expect((await getFile(owner, photo)).status).toBe(200);
    });

    it('refuses bad file queries', async () => {
      const album = await newAlbum(owner, 'public');
      const photo = (await upload(owner, `/albums/${album}/photos`, await png())).body.id as string;
      expect((await getFile(owner, photo, 'huge')).status).toBe(400);
      expect((await getFile(owner, MISSING)).status).toBe(404);
      expect((await request(host.app.getHttpServer()).get('/photos/nope/file')).status).toBe(404);
    });

    it('sets covers and counts photos', async () => {
      const album = await newAlbum(owner, 'public');
      const first = (await upload(owner, `/albums/${album}/photos`, await png())).body.id as string;
      const second = (await upload(owner, `/albums/${album}/photos`, await webp())).body.id as string;
      let view = await host.get(`/albums/${album}`);
      expect(view.body).toMatchObject({
        photoCount: 2,
        coverPhotoId: null,
        coverUrl: `/photos/${second}/file?size=thumb`,
      });
      view = await host.patch(`/albums/${album}`, { token: owner.token, body: { coverPhotoId: first } });
      expect(view.body).toMatchObject({ coverPhotoId: first, coverUrl: `/photos/${first}/file?size=thumb` });
      const other = await newAlbum(owner, 'public');
      expect(
        (await host.patch(`/albums/${other}`, { token: owner.token, body: { coverPhotoId: first } })).status,
      ).toBe(400);
      const page = await host.get(`/albums/${album}/photos`, { query: { limit: 1 } });
      const rest = await host.get(`/albums/${album}/photos`, {
        query: { limit: 1, cursor: page.body.nextCursor },
      });
      expect([...page.body.items, ...rest.body.items].map((photo: { id: string }) => photo.id)).toEqual([
        second,
        first,
      ]);
      const edited = await host.patch(`/photos/${first}`, {
        token: owner.token,
        body: { title: 'First', description: 'd' },
      });
      expect(edited.body).toMatchObject({ title: 'First', description: 'd' });
      expect((await host.patch(`/photos/${first}`, { token: owner.token, body: { size: 1 } })).status).toBe(
        400,
      );
      expect(
        (await host.patch(`/photos/${first}`, { token: friend.token, body: { title: 'x' } })).status,
      ).toBe(404);
    });
  });

  describe('moods with photos', () => {
    it('carries up to 9 photos that follow the mood privacy, and refuses 10', async () => {
      const ids: string[] = [];
      for (let index = 0; index < 10; index++) {
        ids.push((await upload(owner, '/photos', await png(20 + index, 20))).body.id as string);
      }
      // Unattached uploads are the owner's alone.
      expect((await host.get(`/photos/${ids[0]}`, { token: friend.token })).status).toBe(404);
      const ten = await host.post('/moods', {
        token: owner.token,
        body: { text: 'ten', privacy: 'friends', photoIds: ids },
      });
      expect(ten.status).toBe(400);
      const mood = await host.post('/moods', {
        token: owner.token,
        body: { text: 'nine', privacy: 'friends', photoIds: ids.slice(0, 9) },
      });
      expect(mood.status).toBe(201);
      expect(mood.body.photos.map((photo: { id: string }) => photo.id)).toEqual(ids.slice(0, 9));
      expect(mood.body.photos[0].thumbUrl).toBe(`/photos/${ids[0]}/file?size=thumb`);
      expect((await host.get(`/posts/${mood.body.id}`, { token: friend.token })).body.photos).toHaveLength(9);
      expect((await getFile(friend, ids[0])).status).toBe(200);
      expect((await getFile(stranger, ids[0])).status).toBe(404);
      expect((await host.get(`/photos/${ids[0]}`, { token: friend.token })).body.postId).toBe(mood.body.id);

      // A photo already on a mood, someone else's photo, or an unknown one cannot be attached.
      for (const photoIds of [[ids[0]], [MISSING]]) {
        const refused = await host.post('/moods', {
          token: owner.token,
          body: { text: 'x', privacy: 'public', photoIds },
        });
        expect(refused.status).toBe(400);
      }
      const theirs = await host.post('/moods', {
        token: friend.token,
        body: { text: 'x', privacy: 'public', photoIds: [ids[9]] },
      });
      expect(theirs.status).toBe(400);

      // Deleting the mood deletes its photos and their files, and frees their quota.
      const before = (await host.get('/me/storage', { token: owner.token })).body.usedBytes as number;
      expect((await host.delete(`/posts/${mood.body.id}`, { token: owner.token })).status).toBe(204);
      expect((await host.get(`/photos/${ids[0]}`, { token: owner.token })).status).toBe(404);
      expect(storedFiles().filter((file) => file.includes(ids[0]))).toEqual([]);
      expect((await host.get('/me/storage', { token: owner.token })).body.usedBytes).toBeLessThan(before);
    });
  });

  describe('comments, likes and reports on photos', () => {
    it('uses the same comments and likes as posts, under the photo privacy', async () => {
      const album = await newAlbum(owner, 'friends');
      const photo = (await upload(owner, `/albums/${album}/photos`, await png())).body.id as string;
      const comment = await host.post(`/photos/${photo}/comments`, {
        token: friend.token,
        body: { body: '好看！' },
      });
      expect(comment.status).toBe(201);
      expect(comment.body).toMatchObject({ photoId: photo, body: '好看！', parentId: null });
      const reply = await host.post(`/photos/${photo}/comments`, {
        token: owner.token,
        body: { body: '谢谢', parentId: comment.body.id },
      });
      expect(reply.status).toBe(201);
      const nested = await host.post(`/photos/${photo}/comments`, {
        token: friend.token,
        body: { body: 'deeper', parentId: reply.body.id },
      });
      expect(nested.status).toBe(400);
      expect(
        (await host.post(`/photos/${photo}/comments`, { token: stranger.token, body: { body: 'hi' } }))
          .status,
      ).toBe(404);
      expect(
        (await host.post(`/photos/${photo}/comments`, { token: friend.token, body: { body: '' } })).status,
      ).toBe(400);
      expect(
        (await host.post(`/photos/${photo}/comments`, { token: friend.token, body: { body: 'a', x: 1 } }))
          .status,
      ).toBe(400);

      const list = await host.get(`/photos/${photo}/comments`, { token: friend.token });
      expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([
        reply.body.id,
        comment.body.id,
      ]);
      expect((await host.get(`/photos/${photo}/comments`, { token: stranger.token })).status).toBe(404);

      expect((await host.put(`/photos/${photo}/like`, { token: friend.token })).body).toEqual({
        liked: true,
        likeCount: 1,
      });
      expect((await host.put(`/photos/${photo}/like`, { token: friend.token })).body).toEqual({
        liked: true,
        likeCount: 1,
      });
      expect((await host.put(`/photos/${photo}/like`, { token: stranger.token })).status).toBe(404);
      const seen = await host.get(`/photos/${photo}`, { token: friend.token });
      expect(seen.body).toMatchObject({ likeCount: 1, commentCount: 2, likedByMe: true });
      expect((await host.delete(`/photos/${photo}/like`, { token: friend.token })).body).toEqual({
        liked: false,
        likeCount: 0,
      });

      const notifications = await host.get('/notifications', { token: owner.token });
      expect(notifications.body.items.some((item: { kind: string }) => item.kind === 'comment')).toBe(true);

      // The photo's owner may delete a friend's comment; a stranger may not.
      expect(
        (await host.delete(`/photos/${photo}/comments/${comment.body.id}`, { token: stranger.token })).status,
      ).toBe(404);
      expect(
        (await host.delete(`/photos/${photo}/comments/${comment.body.id}`, { token: owner.token })).status,
      ).toBe(204);
      expect((await host.get(`/photos/${photo}/comments`, { token: friend.token })).body.items).toHaveLength(
        0,
      );
    });

    it('lets users report a photo they can see', async () => {
      const album = await newAlbum(owner, 'public');
      const photo = (await upload(owner, `/albums/${album}/photos`, await png())).body.id as string;
      const report = await host.post('/reports', {
        token: stranger.token,
        body: { subjectType: 'photo', subjectId: photo, reason: 'not mine' },
      });
      expect(report.status).toBe(201);
      const hidden = await newAlbum(owner, 'private');
      const secret = (await upload(owner, `/albums/${hidden}/photos`, await png())).body.id as string;
      const refused = await host.post('/reports', {
        token: stranger.token,
        body: { subjectType: 'photo', subjectId: secret, reason: 'x' },
      });
      expect(refused.status).toBe(404);
    });
  });
});
