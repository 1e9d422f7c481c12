import type { EntityManager } from '@mikro-orm/core';

/**
 * Runs raw SQL with `?` placeholders inside the entity manager's current transaction, if any.
 * Lists use raw SQL because their privacy condition and keyset order are plain SQL fragments.
 */
export async function sqlRows<T = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
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
