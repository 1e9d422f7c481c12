import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import type { Migrator } from '@mikro-orm/migrations';
import type { SqlEntityManager } from '@mikro-orm/postgresql';

/** The migrations shipped with this build, by name: the files of the migrations folder. */
const MIGRATION_FILE = /^(Migration\d+_\w+)\.(js|ts)$/;
const shippedMigrations = (): string[] =>
  readdirSync(path.join(__dirname, 'migrations')).flatMap((file) => MIGRATION_FILE.exec(file)?.[1] ?? []);

/**
 * The migrator of an ORM, loaded on first use: @mikro-orm/migrations brings umzug and its command line
 * (about 300 modules, measured at 0.1 s to load and 7 MiB resident), which a start that finds the schema
 * current never needs. The migrations themselves import it too, so they are loaded with it.
 */
export async function migratorOf(orm: MikroORM): Promise<Migrator> {
  const [{ Migrator }, { MIGRATIONS }] = await Promise.all([
    import('@mikro-orm/migrations'),
    import('./migrations'),
  ]);
  orm.config.set('migrations', { ...orm.config.get('migrations'), migrationsList: MIGRATIONS });
  return new Migrator(orm.em as SqlEntityManager);
}

/**
 * The migrations recorded as applied (in the order they ran) and the shipped ones that are not, read without
 * loading the migrator (a start that finds the schema current, and GET /health, never need it).
 */
export async function migrationState(orm: MikroORM): Promise<{ executed: string[]; pending: string[] }> {
  const table = orm.config.get('migrations').tableName ?? 'mikro_orm_migrations';
  // The driver's connection needs no entity manager (inside a request, forking one would be wasted work).
  const connection = orm.em.getConnection();
  const [{ present }] = await connection.execute<{ present: boolean }[]>(
    'select to_regclass(?) is not null as present',
    [table],
  );
  const rows: { name: string }[] = present
    ? await connection.execute(`select name from ${table} order by id`)
    : [];
  const executed = rows.map((row) => row.name);
  const applied = new Set(executed);
  return {
    executed,
    pending: shippedMigrations()
      .filter((name) => !applied.has(name))
      .sort(),
  };
}

/** Whether every shipped migration is recorded as applied. */
export async function schemaIsCurrent(orm: MikroORM): Promise<boolean> {
  return (await migrationState(orm)).pending.length === 0;
}
