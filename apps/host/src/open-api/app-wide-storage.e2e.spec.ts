import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import type { TestApp } from '../testing/factory';
import { UNLIMITED_RATES } from './open-api.testing';
import { factory, host, kit, useOpenApiHost } from './open-api.e2e-setup';

describe('Open API: app-wide storage (e2e)', () => {
  useOpenApiHost({ openApiRateLimits: UNLIMITED_RATES });

  let app: TestApp;
  let alice: string;
  let bob: string;

  const rows = () =>
    host.sql('select app_id, key, value, revision from app_wide_storage order by app_id, key');
  const usage = async () =>
    (
      await host.sql<{ keys: number; bytes: string }>(
        'select keys, bytes::text as bytes from app_wide_storage_usage where app_id = ?',
        [app.id],
      )
    )[0];
  const put = (token: string, key: string, value: unknown, headers?: Record<string, string>) =>
    host.put(`/open/v1/app-storage/${key}`, { token, body: { value }, headers });
  const batch = (token: string, operations: object[]) =>
    host.post('/open/v1/app-storage/batch', { token, body: { operations } });

  beforeAll(async () => {
    app = await kit.approvedApp();
    alice = await kit.token(await factory.newUser('alice'), app);
    bob = await kit.token(await factory.newUser('bob'), app);
  });

  it("shares values between the app's users, with ETags, and keeps apps apart", async () => {
    const written = await put(alice, 'poll:1:question', { text: 'Tea or coffee?' });
    expect(written.status).toBe(200);
    expect(written.headers.etag).toMatch(/^"[0-9a-f-]{36}"$/);
    const read = await host.get('/open/v1/app-storage/poll:1:question', { token: bob });
    expect(read.body).toEqual(written.body);
    expect(read.headers.etag).toBe(written.headers.etag);

    // The same key in the per-user storage, or in another app, is another item.
    expectProblem(await host.get('/open/v1/storage/poll:1:question', { token: bob }), 404, 'not_found');
    const otherApp = await kit.token(await factory.newUser('carol'), await kit.approvedApp());
    expectProblem(
      await host.get('/open/v1/app-storage/poll:1:question', { token: otherApp }),
      404,
      'not_found',
    );

    expect((await host.delete('/open/v1/app-storage/poll:1:question', { token: bob })).status).toBe(204);
    expectProblem(await host.get('/open/v1/app-storage/poll:1:question', { token: alice }), 404, 'not_found');
  });

  it('writes conditionally: If-Match, If-None-Match: *', async () => {
    const first = await put(alice, 'counter', 1, { 'If-None-Match': '*' });
    expect(first.status).toBe(200);
    expectProblem(await put(bob, 'counter', 2, { 'If-None-Match': '*' }), 412, 'precondition_failed');
    const second = await put(bob, 'counter', 2, { 'If-Match': first.headers.etag });
    expect(second.status).toBe(200);
    expectProblem(
      await put(alice, 'counter', 3, { 'If-Match': first.headers.etag }),
      412,
      'precondition_failed',
    );
    expectProblem(
      await host.delete('/open/v1/app-storage/counter', {
        token: alice,
        headers: { 'If-Match': first.headers.etag },
      }),
      412,
      'precondition_failed',
    );
    expect((await host.get('/open/v1/app-storage/counter', { token: alice })).body.value).toBe(2);
  });

  it('lets exactly one of two racing creates win', async () => {
    for (let round = 0; round < 5; round++) {
      const key = `vote:poll-7:user-${round}`;
      const answers = await Promise.all(
        [alice, bob].map((token, index) => put(token, key, { option: index }, { 'If-None-Match': '*' })),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412]);
      const winner = answers.find((answer) => answer.status === 200)!;
      expect((await host.get(`/open/v1/app-storage/${key}`, { token: alice })).body.value).toEqual(
        winner.body.value,
      );
    }
  });

  it('lists keys with values and ETags by prefix, in key order, a page at a time', async () => {
    for (const key of ['farm:b', 'farm:a', 'farm:c', 'farmer', 'fa', 'zoo']) await put(alice, key, key);
    const first = await host.get('/open/v1/app-storage', {
      token: bob,
      query: { prefix: 'farm:', limit: 2 },
    });
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([
      { key: 'farm:a', value: 'farm:a', updatedAt: expect.any(String), etag: expect.stringMatching(/^"/) },
      { key: 'farm:b', value: 'farm:b', updatedAt: expect.any(String), etag: expect.stringMatching(/^"/) },
    ]);
    const rest = await host.get('/open/v1/app-storage', {
      token: bob,
      query: { prefix: 'farm:', limit: 2, cursor: first.body.nextCursor },
    });
    expect(rest.body.items.map((item: { key: string }) => item.key)).toEqual(['farm:c']);
    expect(rest.body.nextCursor).toBeNull();
    const farmish = await host.get('/open/v1/app-storage', {
      token: bob,
      query: { prefix: 'farm', limit: 100 },
    });
    expect(farmish.body.items.map((item: { key: string }) => item.key)).toEqual([
      'farm:a',
      'farm:b',
      'farm:c',
      'farmer',
    ]);
    expectProblem(
      await host.get('/open/v1/app-storage', { token: bob, query: { cursor: 'junk' } }),
      400,
      'invalid_cursor',
    );
    expectProblem(
      await host.get('/open/v1/app-storage', { token: bob, query: { prefix: 'a%' } }),
      400,
      'validation_failed',
    );
  });

  it('applies a batch atomically: all operations or none, naming the failing key', async () => {
    const seed = await put(alice, 'tally:yes', 1);
    await put(alice, 'tally:old', 'gone soon');
    const applied = await batch(bob, [
      { key: 'tally:yes', op: 'put', value: 2, ifMatch: seed.headers.etag },
      { key: 'tally:voter-bob', op: 'put', value: 'yes', ifNoneMatch: '*' },
      { key: 'tally:old', op: 'delete' },
    ]);
    expect(applied.status).toBe(200);
    expect(applied.body.results).toEqual([
      { key: 'tally:yes', op: 'put', etag: expect.stringMatching(/^"/) },
      { key: 'tally:voter-bob', op: 'put', etag: expect.stringMatching(/^"/) },
      { key: 'tally:old', op: 'delete', etag: null },
    ]);
    expect((await host.get('/open/v1/app-storage/tally:yes', { token: alice })).headers.etag).toBe(
      applied.body.results[0].etag,
    );

    // Bob votes again: the vote key exists, so the whole batch fails and the tally stays.
    const before = await rows();
    const usageBefore = await usage();
    const refused = await batch(bob, [
      { key: 'tally:yes', op: 'put', value: 3, ifMatch: applied.body.results[0].etag },
      { key: 'tally:voter-bob', op: 'put', value: 'yes', ifNoneMatch: '*' },
    ]);
    expectProblem(refused, 412, 'precondition_failed');
    expect(refused.body.detail).toContain('tally:voter-bob');
    expect(refused.body.errors).toEqual([{ field: 'operations[1]', message: expect.any(String) }]);
    expectProblem(
      await batch(bob, [
        { key: 'tally:new', op: 'put', value: 1 },
        { key: 'missing', op: 'delete' },
      ]),
      404,
      'not_found',
    );
    expect(await rows()).toEqual(before);
    expect(await usage()).toEqual(usageBefore);
  });

  it('keeps its totals true across puts, replacements, deletes and batches', async () => {
    const all = await host.sql<{ keys: number; bytes: string }>(
      'select count(*)::int as keys, coalesce(sum(bytes), 0)::text as bytes from app_wide_storage where app_id = ?',
      [app.id],
    );
    expect(await usage()).toEqual(all[0]);
  });

  it.each([
    ['no operations', []],
    [
      'too many operations',
      Array.from({ length: LIMITS.storageBatchOperationsMax + 1 }, (_, i) => ({
        key: `k${i}`,
        op: 'delete',
      })),
    ],
    [
      'a key twice',
      [
        { key: 'k', op: 'put', value: 1 },
        { key: 'k', op: 'delete' },
      ],
    ],
    ['a put without a value', [{ key: 'k', op: 'put' }]],
    ['a delete with a value', [{ key: 'k', op: 'delete', value: 1 }]],
    ['an unknown op', [{ key: 'k', op: 'patch', value: 1 }]],
    ['a bad key', [{ key: 'a/b', op: 'put', value: 1 }]],
    ['an operation that is not an object', [7]],
    ['a value with a NUL character', [{ key: 'k', op: 'put', value: 'a\u0000b' }]],
  ])('refuses a batch with %s, changing nothing', async (_case, operations) => {
    const before = await rows();
    expectProblem(await batch(alice, operations as object[]), 400, 'validation_failed');
    expect(await rows()).toEqual(before);
  });

  it('needs the storage scope', async () => {
    const narrow = await kit.token(await factory.newUser('dan'), app, ['profile:read']);
    expectProblem(await host.get('/open/v1/app-storage/x', { token: narrow }), 403, 'insufficient_scope');
    expectProblem(await host.get('/open/v1/app-storage', { token: narrow }), 403, 'insufficient_scope');
    expectProblem(await batch(narrow, [{ key: 'x', op: 'delete' }]), 403, 'insufficient_scope');
  });
});
