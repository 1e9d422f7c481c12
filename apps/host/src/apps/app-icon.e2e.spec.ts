import sharp from 'sharp';
import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import { type TestUser } from '../testing/factory';
import { pngBomb } from '../testing/images';
import { factory, host, useFileHost } from '../testing/file-host';

/** A wide photo with EXIF, to see it cut square and stripped. */
const wideJpegWithExif = () =>
  sharp({ create: { width: 900, height: 300, channels: 3, background: '#e05a28' } })
    .jpeg()
    .withMetadata({ exif: { IFD0: { Copyright: 'Somebody', Artist: 'Somebody' } } })
    .toBuffer();

describe('app icons: uploaded, re-encoded square, listed and served (e2e)', () => {
  useFileHost();

  let developer: TestUser;

  beforeAll(async () => {
    developer = await factory.newUser('dev');
  });

  const uploadIcon = (
    appId: string,
    file: Buffer | undefined,
    token = developer.token,
    filename = 'icon.jpg',
  ) =>
    host.put(`/developer/apps/${appId}/icon`, {
      token,
      multipart: { file, filename, contentType: 'image/jpeg' },
    });
  const iconOf = async (appId: string) =>
    (await host.sql<{ icon_url: string | null }>('select icon_url from app where id = ?', [appId]))[0]
      .icon_url;
  // Unchecked against the spec, which cannot validate image bytes; a refusal is checked by expectProblem.
  const fetchIcon = (url: string, token?: string) => host.get(url, { token, raw: true });

  it('re-encodes the upload to a square WebP without metadata, lists it at once and serves it', async () => {
    const app = await factory.newApp({ developer });
    const uploaded = await uploadIcon(app.id, await wideJpegWithExif());
    expect(uploaded.status).toBe(200);
    const iconUrl = uploaded.body.iconUrl as string;
    expect(iconUrl).toMatch(new RegExp(`^/app-center/apps/${app.id}/icon\\?v=[0-9a-f]{12}$`));
    expect((await host.get(`/developer/apps/${app.id}`, { token: developer.token })).body.iconUrl).toBe(
      iconUrl,
    );

    const served = await fetchIcon(iconUrl, developer.token);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
    // Not published yet: only the developer's browser may keep it.
    expect(served.headers['cache-control']).toMatch(/^private, max-age=\d+, immutable$/);
    const metadata = await sharp(served.body as unknown as Buffer).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: LIMITS.appIconSide, height: LIMITS.appIconSide });
    expect(metadata.exif).toBeUndefined();

    // A new upload is a new URL, so a cached old icon never stands in for it.
    const again = await uploadIcon(
      app.id,
      await sharp({ create: { width: 64, height: 64, channels: 3, background: '#2255cc' } })
        .png()
        .toBuffer(),
      developer.token,
      'icon.png',
    );
    expect(again.body.iconUrl).not.toBe(iconUrl);
    expect(await iconOf(app.id)).toBe(again.body.iconUrl);

    // The listing is replaced whole, so the uploaded icon's own URL is accepted back as it is.
    const listing = { name: 'Renamed', category: 'tools', iconUrl: again.body.iconUrl };
    const kept = await host.put(`/developer/apps/${app.id}`, { token: developer.token, body: listing });
    expect(kept.status).toBe(200);
    expect(kept.body.iconUrl).toBe(again.body.iconUrl);
  });

  it('shows the icon to everyone once the app is published, and in the app center', async () => {
    const admin = await factory.admin();
    const app = await factory.newApp({ developer });
    const { body } = await uploadIcon(app.id, await wideJpegWithExif());
    const visitor = await factory.newUser('visitor');
    expectProblem(await fetchIcon(body.iconUrl, visitor.token), 404, 'not_found');
    expectProblem(await fetchIcon(body.iconUrl), 404, 'not_found');

    await host.post(`/developer/apps/${app.id}/versions/1/submit`, { token: developer.token, body: {} });
    await host.post(`/admin/apps/${app.id}/versions/1/approve`, { token: admin.token, body: {} });
    await host.post(`/developer/apps/${app.id}/versions/1/publish`, { token: developer.token });

    const anonymous = await fetchIcon(body.iconUrl);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers['cache-control']).toMatch(/^public, /);
    const listed = await host.get(`/app-center/apps/${app.id}`, { token: visitor.token });
    expect(listed.body.iconUrl).toBe(body.iconUrl);
  });

  it('refuses what is not an image, a huge file, a bomb, no file, another’s app and non-developers, changing nothing', async () => {
    const app = await factory.newApp({ developer });
    const first = await uploadIcon(app.id, await wideJpegWithExif());
    const before = await iconOf(app.id);
    expect(before).toBe(first.body.iconUrl);

    expectProblem(
      await uploadIcon(app.id, Buffer.from('just some text, not a picture')),
      415,
      'unsupported_image',
    );
    expectProblem(await uploadIcon(app.id, pngBomb(), developer.token, 'bomb.png'), 422, 'image_too_large');
    expectProblem(
      await uploadIcon(app.id, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])),
      400,
      'invalid_image',
    );
    const huge = Buffer.alloc(LIMITS.appIconFileBytes + 1, 0xff);
    expect((await uploadIcon(app.id, huge)).status).toBe(413);
    expectProblem(await uploadIcon(app.id, undefined), 400, 'validation_failed');

    const otherDeveloper = await factory.newUser('dev');
    await host.post('/developer/registration', { token: otherDeveloper.token });
    expectProblem(await uploadIcon(app.id, await wideJpegWithExif(), otherDeveloper.token), 404, 'not_found');
    const plainUser = await factory.newUser('user');
    expectProblem(await uploadIcon(app.id, await wideJpegWithExif(), plainUser.token), 403, 'forbidden');
    expect((await uploadIcon(app.id, await wideJpegWithExif(), '')).status).toBe(401);
    expect(await iconOf(app.id)).toBe(before);
    expect((await fetchIcon(before!, developer.token)).status).toBe(200);

    // Another app's uploaded icon cannot be borrowed through the listing.
    const other = await factory.newApp({ developer });
    const borrowed = await host.put(`/developer/apps/${other.id}`, {
      token: developer.token,
      body: { name: 'Borrower', category: 'tools', iconUrl: before },
    });
    expectProblem(borrowed, 400, 'validation_failed');
    expect(await iconOf(other.id)).toBeNull();
  });

  it('deletes the icon with its app', async () => {
    const app = await factory.newApp({ developer });
    const { body } = await uploadIcon(app.id, await wideJpegWithExif());
    expect((await host.delete(`/developer/apps/${app.id}`, { token: developer.token })).status).toBe(204);
    expectProblem(await fetchIcon(body.iconUrl, developer.token), 404, 'not_found');
  });
});
