import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beginEmbeddedDatabase, EmbeddedDatabase, openEmbeddedDatabase } from './embedded-database';

describe('the embedded database on its own thread', () => {
  let database: EmbeddedDatabase;

  beforeAll(async () => {
    database = new EmbeddedDatabase(undefined);
    await database.waitReady;
  });
  afterAll(() => database.close());

  it("answers with PostgreSQL's values as the ORM expects them: dates, bytes, JSON, arrays, counts", async () => {
    await database.exec(
      `create table sample (id int primary key, at timestamptz, bytes bytea, doc jsonb, tags text[])`,
    );
    const inserted = await database.query(
      'insert into sample values ($1, $2, $3, $4, $5), ($6, $2, $3, $4, $5)',
      [1, new Date('2026-12-04T10:00:00Z'), new Uint8Array([1, 2, 255]), { a: [1, 'x'] }, ['a', 'b'], 2],
    );
    expect(inserted.affectedRows).toBe(2);
    const { rows, fields } = await database.query<Record<string, unknown>>(
      'select * from sample where id = $1',
      [1],
    );
    expect(fields.map((field) => field.name)).toEqual(['id', 'at', 'bytes', 'doc', 'tags']);
    const [row] = rows;
    expect(row.at).toBeInstanceOf(Date);
    expect((row.at as Date).toISOString()).toBe('2026-12-04T10:00:00.000Z');
    expect(row.bytes).toBeInstanceOf(Uint8Array);
    expect([...(row.bytes as Uint8Array)]).toEqual([1, 2, 255]);
    expect(row.doc).toEqual({ a: [1, 'x'] });
    expect(Object.getPrototypeOf(row.doc)).toBe(Object.prototype);
    expect(row.tags).toBeInstanceOf(Array);
    expect(row.tags).toEqual(['a', 'b']);
  });

  it("rejects a failing statement with PostgreSQL's error fields, and goes on answering", async () => {
    await database.exec('create table unique_name (name text constraint unique_name_key unique)');
    await database.query("insert into unique_name values ('a')");
    const failure = await database
      .query("insert into unique_name values ('a')")
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toMatchObject({
      message: expect.stringContaining('duplicate key value'),
      code: '23505',
      constraint: 'unique_name_key',
      table: 'unique_name',
    });
    expect((await database.query('select count(*)::int as n from unique_name')).rows).toEqual([{ n: 1 }]);
  });

  it('runs several statements in one exec, and requests in the order they were made', async () => {
    const results = await database.exec('create table ordered (n int); select 1 as one; select 2 as two');
    expect(results.map((result) => result.rows)).toEqual([[], [{ one: 1 }], [{ two: 2 }]]);
    await Promise.all(
      Array.from({ length: 20 }, (_, n) => database.query('insert into ordered values ($1)', [n])),
    );
    const { rows } = await database.query<{ n: number }>('select n from ordered');
    expect(rows.map((row) => row.n)).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });

  it('delivers a notification before the result of the statement that caused it, until unlistened', async () => {
    const heard: string[] = [];
    const stop = await database.listen('changes', (payload) => heard.push(payload));
    await database.query("select pg_notify('changes', 'user:1')");
    expect(heard).toEqual(['user:1']);
    await stop();
    await database.query("select pg_notify('changes', 'user:2')");
    expect(heard).toEqual(['user:1']);
  });

  it('keeps its data in its folder across a close and a new open, and refuses requests once closed', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kongjian-embedded-'));
    try {
      const first = new EmbeddedDatabase(path.join(dataDir, 'pglite'));
      await first.exec("create table kept (name text); insert into kept values ('still here')");
      await first.close();
      await expect(first.query('select 1')).rejects.toThrow('The embedded database is closed');
      await first.close();

      // main.ts begins it before the host loads; the host's ORM then takes that one, and a later host a new one.
      const config = { dataDir };
      beginEmbeddedDatabase(config);
      const begun = openEmbeddedDatabase(config);
      expect((await begun.query('select name from kept')).rows).toEqual([{ name: 'still here' }]);
      await begun.close();
      const later = openEmbeddedDatabase(config);
      expect(later).not.toBe(begun);
      expect((await later.query('select count(*)::int as n from kept')).rows).toEqual([{ n: 1 }]);
      await later.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
