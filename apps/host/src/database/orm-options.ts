import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { PGliteDriver, type PGliteConnectionConfig } from 'mikro-orm-pglite';
import type { AppConfig } from '../config/config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

const shared: Options = {
  entities: ENTITIES,
  extensions: [Migrator],
  migrations: {
    migrationsList: MIGRATIONS,
    snapshot: false,
    transactional: true,
    allOrNothing: true,
    silent: true,
  },
  forceUtcTimezone: true,
  // Raw SQL results keep their own shapes; entities are declared with explicit column types.
  discovery: { warnWhenNoEntities: true },
  allowGlobalContext: false,
};

/**
 * ORM options for the configured database: PostgreSQL when DATABASE_URL is set, otherwise embedded
 * PGlite under the data folder (or in memory when there is none, as in tests).
 * The caller owns the returned PGlite instance and closes it after the ORM.
 */
export function ormOptions(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): {
  options: Options;
  pglite?: PGlite;
} {
  if (config.databaseUrl) {
    return {
      options: {
        ...shared,
        driver: PostgreSqlDriver,
        clientUrl: config.databaseUrl,
        pool: { min: 0, max: 10 },
      } as Options,
    };
  }
  let dir: string | undefined;
  if (config.dataDir) {
    dir = path.join(config.dataDir, 'pglite');
    fs.mkdirSync(dir, { recursive: true });
  }
  const pglite = new PGlite(dir);
  return {
    pglite,
    options: {
      ...shared,
      driver: PGliteDriver,
      dbName: 'postgres',
      driverOptions: { connection: { pglite: () => pglite } satisfies PGliteConnectionConfig },
    } as Options,
  };
}
