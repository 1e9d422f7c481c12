import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import { app, factory, host, kit, token, useAppUserHost, user } from './open-api.e2e-setup';

describe('Open API: per-app storage (e2e)', () => {
  useAppUserHost('gamer');

  const rows = () =>
    host.sql(
      'select app_id, user_id, key, value, bytes, revision from app_storage order by app_id, user_id, key',
    );
  const put = (
    key: string,
    value: unknown,
    options: { token?: string; headers?: Record<string, string> } = {},
  ) =>
    host.put(`/open/v1/storage/${key}`, {
      token: options.token ?? token,
      body: { value },
      headers: options.headers,
    });

  it('keeps any JSON value under a key, with an ETag', async () => {
    const values: unknown[] = [
      { level: 3, items: ['hoe', 'seed'], nested: { ok: true } },
      [1, 'two'],
      'text',
      42.5,
      false,
      null,
    ];
    for (const [index, value] of values.entries()) {
      const key = `save.slot:${index}`;
      const written = await put(key, value);
      expect(written.status).toBe(200);
      expect(written.body).toEqual({ key, value, updatedAt: expect.any(String) });
      expect(written.headers.etag).toMatch(/^"[0-9a-f-]{36}"$/);
      const read = await host.get(`/open/v1/storage/${key}`, { token });
      expect(read.status).toBe(200);
      expect(read.body).toEqual(written.body);
      expect(read.headers.etag).toBe(written.headers.etag);
    }
  });

  it('replaces a value, and deletes it', async () => {
    const first = await put('settings', { sound: true });
    const second = await put('settings', { sound: false });
    expect(second.body.value).toEqual({ sound: false });
    expect(second.headers.etag).not.toBe(first.headers.etag);
    expect((await host.delete('/open/v1/storage/settings', { token })).status).toBe(204);
    expectProblem(await host.get('/open/v1/storage/settings', { token }), 404, 'not_found');
    expectProblem(await host.delete('/open/v1/storage/settings', { token }), 404, 'not_found');
  });

  it('keeps each app its own storage for each user', async () => {
    await put('shared-name', 'mine');
    const otherUser = await kit.token(await factory.newUser('other'), app);
    const otherApp = await kit.token(user, await kit.approvedApp());
    for (const other of [otherUser, otherApp]) {
      expectProblem(await host.get('/open/v1/storage/shared-name', { token: other }), 404, 'not_found');
      expect((await put('shared-name', 'theirs', { token: other })).status).toBe(200);
    }
    expect((await host.get('/open/v1/storage/shared-name', { token })).body.value).toBe('mine');
  });

  it('writes only when If-Match / If-None-Match hold', async () => {
    const created = await put('counter', 1, { headers: { 'If-None-Match': '*' } });
    expect(created.status).toBe(200);
    const before = await rows();
    expectProblem(await put('counter', 9, { headers: { 'If-None-Match': '*' } }), 412, 'precondition_failed');
    expectProblem(
      await put('counter', 9, { headers: { 'If-Match': '"stale"' } }),
      412,
      'precondition_failed',
    );
    expectProblem(
      await host.delete('/open/v1/storage/counter', { token, headers: { 'If-Match': '"stale"' } }),
      412,
      'precondition_failed',
    );
    expectProblem(await put('missing', 9, { headers: { 'If-Match': '*' } }), 412, 'precondition_failed');
    expect(await rows()).toEqual(before);

    const updated = await put('counter', 2, { headers: { 'If-Match': `"other", ${created.headers.etag}` } });
    expect(updated.status).toBe(200);
    const deleted = await host.delete('/open/v1/storage/counter', {
      token,
      headers: { 'If-Match': updated.headers.etag },
    });
    expect(deleted.status).toBe(204);
  });

  it('refuses bad keys and bad bodies, storing nothing', async () => {
    const before = await rows();
    // As path segments: a space, too long, not ASCII, a dot-dot, a slash.
    for (const segment of ['a%20b', 'x'.repeat(129), encodeURIComponent('emoji😀'), '%2E%2E', 'a%2Fb']) {
      expectProblem(await put(segment, 1), 400, 'validation_failed');
      expectProblem(await host.get(`/open/v1/storage/${segment}`, { token }), 400, 'validation_failed');
    }
    expect((await put('x'.repeat(128), 1)).status).toBe(200);
    await host.delete(`/open/v1/storage/${'x'.repeat(128)}`, { token });

    const bodies: unknown[] = [{}, { value: 1, extra: true }, [1]];
    for (const body of bodies) {
      expectProblem(await host.put('/open/v1/storage/k', { token, body }), 400, 'validation_failed');
    }
    expectProblem(await put('k', { text: 'nul\u0000char' }), 400, 'validation_failed');
    expectProblem(await put('k', { 'nul\u0000key': 1 }), 400, 'validation_failed');
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expectProblem(await put('k', deep), 400, 'validation_failed');
    expect(await rows()).toEqual(before);
  });

  it('refuses a value over the size limit', async () => {
    const before = await rows();
    // JSON.stringify adds the two quotes.
    const fits = 'a'.repeat(LIMITS.storageValueBytes - 2);
    expect((await put('big', fits)).status).toBe(200);
    expectProblem(await put('big', `${fits}a`), 413, 'payload_too_large');
    expect((await host.get('/open/v1/storage/big', { token })).body.value).toBe(fits);
    await host.delete('/open/v1/storage/big', { token });
    expect(await rows()).toEqual(before);
  });

  it('limits the keys and the bytes one app keeps for one user', async () => {
    const hoarder = await factory.newUser('hoarder');
    const hoarderToken = await kit.token(hoarder, app);
    // Fill to one key below the limit directly; the limit itself is crossed through the API.
    await host.sql(
      `insert into app_storage (app_id, user_id, key, value, bytes, revision, updated_at)
       select ?, ?, 'k' || n, '1'::jsonb, 1, gen_random_uuid(), now() from generate_series(1, ?) n`,
      [app.id, hoarder.id, LIMITS.storageKeysPerUser - 1],
    );
    expect((await put('last', 1, { token: hoarderToken })).status).toBe(200);
    expectProblem(await put('one-more', 1, { token: hoarderToken }), 409, 'limit_reached');
    expect((await put('last', 2, { token: hoarderToken })).status).toBe(200);

    const heavy = await factory.newUser('heavy');
    const heavyToken = await kit.token(heavy, app);
    const chunk = 'b'.repeat(LIMITS.storageValueBytes - 2);
    const fit = Math.floor(LIMITS.storageBytesPerUser / LIMITS.storageValueBytes);
    await host.sql(
      `insert into app_storage (app_id, user_id, key, value, bytes, revision, updated_at)
       select ?, ?, 'k' || n, to_jsonb(?::text), ?, gen_random_uuid(), now() from generate_series(1, ?) n`,
      [app.id, heavy.id, chunk, LIMITS.storageValueBytes, fit],
    );
    const count = async () =>
      (
        await host.sql<{ n: number }>('select count(*)::int as n from app_storage where user_id = ?', [
          heavy.id,
        ])
      )[0].n;
    expectProblem(await put('more', 'x', { token: heavyToken }), 413, 'quota_exceeded');
    expect(await count()).toBe(fit);
    // Replacing a value with one no bigger still fits.
    expect((await put('k1', 'small', { token: heavyToken })).status).toBe(200);
    expect((await put('more', 'x', { token: heavyToken })).status).toBe(200);
  });
});
