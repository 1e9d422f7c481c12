import type { EntityManager } from '@mikro-orm/core';
import { sqlRows } from './sql';

/**
 * Takes a transaction-scoped PostgreSQL advisory lock on a name, so that check-then-write sequences
 * (a quota count, then an insert) for the same name run one at a time across host instances.
 * Call inside a transaction; the lock ends with it.
 */
export async function lockName(em: EntityManager, name: string): Promise<void> {
  await sqlRows(em, 'select pg_advisory_xact_lock(hashtextextended(?, 0))', [name]);
}
