import { MikroORM } from '@mikro-orm/core';
import type { Migrator } from '@mikro-orm/migrations';
import { migratorOf } from '../database/migrator';
import { ormOptions } from '../database/orm-options';
import { freshDatabase } from './test-host';

/** Ids in the shape newId() makes, fixed so a migration test's expectations can name them. */
export const fixedId = (n: number): string => `01890000-0000-7000-8000-${String(n).padStart(12, '0')}`;

export interface MigrationDatabase {
  migrator: Migrator;
  sql<T = Record<string, unknown>>(query: string): Promise<T[]>;
}

/**
 * Runs `test` on a database of its own with no migration applied yet (PGlite, or a fresh PostgreSQL
 * database with DATABASE_URL), then closes and drops it: a migration's test migrates up to the
 * release before, writes that release's data, and migrates on.
 */
export async function withMigrationDatabase(
  test: (database: MigrationDatabase) => Promise<void>,
): Promise<void> {
  const database = await freshDatabase();
  const { options, embedded } = ormOptions({ databaseUrl: database.config.databaseUrl, dataDir: undefined });
  const orm = await MikroORM.init(options);
  try {
    await test({
      migrator: await migratorOf(orm),
      sql: <T>(query: string) => orm.em.fork().getConnection().execute(query) as Promise<T[]>,
    });
  } finally {
    await orm.close(true);
    await embedded?.close();
    await database.drop();
  }
}
