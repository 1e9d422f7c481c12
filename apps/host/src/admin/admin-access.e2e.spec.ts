import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { expectProblem } from '../testing/expect-problem';
import { type TestApp, type TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';

interface Operation {
  method: string;
  path: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation under /admin that openapi/host.json documents: a new admin route joins the sweep by itself. */
function adminOperations(): Operation[] {
  const spec = JSON.parse(readFileSync(join(__dirname, '../../../../openapi/host.json'), 'utf8')) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(spec.paths)
    .filter(([path]) => path === '/admin' || path.startsWith('/admin/'))
    .flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => METHODS.includes(method))
        .map((method) => ({ method: method.toUpperCase(), path })),
    );
}

/**
 * A request an admin could make, with a body the operation would accept: so a missing role check would
 * show as a change (a rule gone, a user suspended, coins granted), not only as a wrong status.
 */
function bodyFor({ method, path }: Operation): object | undefined {
  if (method === 'GET' || method === 'DELETE') return undefined;
  if (path.endsWith('/roles')) return { roles: ['user', 'admin'] };
  if (path.endsWith('/coin-grants')) return { amount: 1000, idempotencyKey: 'sweep-grant' };
  if (path === '/admin/moderation/rules') return { phrase: 'sweep phrase', action: 'block' };
  if (path === '/admin/moderation/rules/check') return { text: 'sweep phrase' };
  if (path.endsWith('/{ruleId}')) return { action: 'block' };
  return { reason: 'sweep' };
}

describe('every /admin operation refuses a signed-in user who is not an admin (e2e)', () => {
  useFileHost();

  let admin: TestUser;
  let user: TestUser;
  let developer: TestUser;
  let app: TestApp;
  const ids: Record<string, string> = {};

  /**
   * What the host writes on its own whatever requests come: the leases of its periodic sweeps (a table its
   * timers alone write) and when a session was last used (by every signed-in request, refused or not).
   */
  const timersOnly = new Set(['task_lease']);
  const bookkeeping: Record<string, string[]> = { session: ['last_used_at'] };

  /** Everything in the database but that bookkeeping, table by table, as text: any change by a request shows. */
  const everything = async () => {
    const tables = await host.sql<{ table_name: string }>(
      `select table_name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
    );
    const state: Record<string, string> = {};
    for (const { table_name: table } of tables.filter(({ table_name }) => !timersOnly.has(table_name))) {
      const row = `(to_jsonb(t) - array[${(bookkeeping[table] ?? []).map((column) => `'${column}'`).join(', ')}]::text[])::text`;
      const rows = await host.sql<{ digest: string }>(
        `select md5(coalesce(string_agg(${row}, E'\\n' order by ${row}), '')) as digest from "${table}" t`,
      );
      state[table] = rows[0].digest;
    }
    return state;
  };

  beforeAll(async () => {
    admin = await factory.admin();
    user = await factory.newUser('plain');
    developer = await factory.newUser('dev');
    expect((await host.post('/developer/registration', { token: developer.token })).status).toBe(200);

    // Something real behind every path parameter, in a state an admin could act on.
    const rule = await host.post('/admin/moderation/rules', {
      token: admin.token,
      body: { phrase: 'sweephold', action: 'hold' },
    });
    expect(rule.status).toBe(201);
    const held = await host.post('/moods', {
      token: user.token,
      body: { text: 'sweephold', privacy: 'public' },
    });
    expect(held.body.moderation.state).toBe('held');
    const album = await host.post('/albums', { token: user.token, body: { title: 'a', privacy: 'private' } });
    const photo = await host.call('POST', `/albums/${album.body.id}/photos`, {
      token: user.token,
      multipart: {
        file: await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } })
          .png()
          .toBuffer(),
      },
    });
    expect(photo.status).toBe(201);
    app = await factory.newApp({ developer });
    expect(
      (await host.post(`/developer/apps/${app.id}/versions/1/submit`, { token: developer.token })).status,
    ).toBe(200);
    Object.assign(ids, {
      appId: app.id,
      number: '1',
      photoId: photo.body.id,
      ruleId: rule.body.id,
      subjectType: 'post',
      subjectId: held.body.id,
      pluginId: 'gifts',
      userId: user.id,
    });
  });

  const operations = adminOperations();

  it('finds the admin operations in the spec', () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
    expect(operations).toContainEqual({ method: 'GET', path: '/admin/moderation/photos/{photoId}/file' });
  });

  it.each(operations.map((operation) => [operation.method, operation.path, operation] as const))(
    '%s %s: 403 problem for a user and for a developer, nothing changed',
    async (_method, _path, operation) => {
      const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        if (!(name in ids)) throw new Error(`No value for the path parameter ${name}: add one to the sweep`);
        return ids[name];
      });
      const before = await everything();
      for (const who of [user, developer]) {
        const response = await host.call(operation.method, url, {
          token: who.token,
          body: bodyFor(operation),
        });
        expectProblem(response, 403, 'forbidden');
      }
      const after = await everything();
      expect(after).toEqual(before);
    },
  );
});
