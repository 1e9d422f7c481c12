import { readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import type { TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';
import { HOST_SPEC_PATH, SpecValidator } from '../testing/spec-validator';

/* What the albums e2e specs share: an owner with a friend and a stranger, images to upload, and helpers. */

export const MISSING = '00000000-0000-7000-8000-000000000000';

/** A real JPEG with EXIF including a GPS location, as a phone writes it. */
export async function jpegWithGps(width = 800, height = 600): Promise<Buffer> {
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

export const png = (width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 4, background: { r: 0, g: 120, b: 255, alpha: 0.5 } } })
    .png()
    .toBuffer();
export const webp = () =>
  sharp({ create: { width: 50, height: 50, channels: 3, background: '#33aa55' } })
    .webp()
    .toBuffer();
/** An animated GIF of three frames. */
export const animatedGif = async () => {
  const frame = (color: string) =>
    sharp({ create: { width: 40, height: 30, channels: 3, background: color } })
      .raw()
      .toBuffer();
  const frames = Buffer.concat([await frame('#ff0000'), await frame('#00ff00'), await frame('#0000ff')]);
  return sharp(frames, { raw: { width: 40, height: 90, channels: 3, pageHeight: 30 } as sharp.Raw })
    .gif({ loop: 0, delay: [100, 100, 100] })
    .toBuffer();
};

export let owner: TestUser;
export let friend: TestUser;
export let stranger: TestUser;

/** Starts the file's host with an owner, their friend and a stranger. */
export function useAlbumsHost(): void {
  useFileHost();
  beforeAll(async () => {
    owner = await factory.newUser('owner');
    friend = await factory.newUser('friend');
    stranger = await factory.newUser('stranger');
    await factory.befriend(owner, friend);
  });
}

const validator = new SpecValidator(HOST_SPEC_PATH);

export const storedFiles = (): string[] => {
  const root = host.config.storageDir!;
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    );
  return walk(root);
};
export const count = async (table: string) =>
  (await host.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

/** A multipart upload through the real HTTP stack, its response checked against the spec. */
export async function upload(
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

export async function getFile(user: TestUser | null, photoId: string, size = 'original') {
  return getBytes(user, `/photos/${photoId}/file`, { size });
}

/** GETs `url` as `user` (anonymously when null) with its body as bytes, whatever the content type. */
export function getBytes(user: TestUser | null, url: string, query: Record<string, string> = {}) {
  let pending = request(host.app.getHttpServer())
    .get(url)
    .query(query)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  if (user) pending = pending.set('Authorization', `Bearer ${user.token}`);
  return pending;
}

export async function newAlbum(user: TestUser, privacy = 'public', extra: Record<string, unknown> = {}) {
  const response = await host.post('/albums', {
    token: user.token,
    body: { title: 'Trip', privacy, ...extra },
  });
  expect(response.status).toBe(201);
  return response.body.id as string;
}
