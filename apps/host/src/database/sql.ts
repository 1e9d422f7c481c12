import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { PostgreSqlConnection, type Knex } from '@mikro-orm/postgresql';

/** A stable name per SQL text, so PostgreSQL plans each statement once per connection. */
function statementName(sql: string): string {
  return `kj_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
}

/**
 * Runs raw SQL with `?` placeholders inside the entity manager's current transaction, if any.
 * Lists use raw SQL because their privacy condition and keyset order are plain SQL fragments.
 *
 * On PostgreSQL the query goes out as a named prepared statement with real parameters: the ORM
 * would inline the values, making every query new text that PostgreSQL must plan again, and for the
 * feed planning costs about as much as running. PGlite runs in-process and gets the ORM's path.
 */
export async function sqlRows<T = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const connection = em.getConnection();
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (connection instanceof PostgreSqlConnection) {
    let query = connection
      .getKnex()
      .raw(sql, params as Knex.RawBinding[])
      .options({ name: statementName(sql) });
    if (transaction) query = query.transacting(transaction);
    const result = (await query) as { rows: T[] };
    return result.rows;
  }
  return connection.execute<T[]>(sql, params, 'all', transaction);
}

export async function sqlRun(em: EntityManager, sql: string, params: unknown[] = []): Promise<number> {
  const result = await em
    .getConnection()
    .execute<{ affectedRows: number }>(sql, params, 'run', em.getTransactionContext());
  return result.affectedRows;
}

/** A PostgreSQL array literal for `= any(?::uuid[])`, so a list of ids is one parameter. */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}
