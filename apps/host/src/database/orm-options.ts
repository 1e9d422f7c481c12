import type { Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { PGliteDriver, type PGliteConnectionConfig } from 'mikro-orm-pglite';
import type { HostConfig } from '../config/config';
import { CHANGES_CHANNEL, changeHeard } from './change-feed';
import { type EmbeddedDatabase, openEmbeddedDatabase } from './embedded-database';
import { Meta } from './meta.entity';
import { contextEntityManager } from './request-entity-manager';

/** The part of a node-postgres client the pool hook uses. */
interface PgConnection {
  query(sql: string, callback: (error: Error | null) => void): void;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): void;
}

const shared: Options = {
  // The database module's own table. Each feature module declares its entities with
  // MikroOrmModule.forFeature, and the Nest module adds them (autoLoadEntities, see database.module.ts); an ORM
  // built outside Nest (the migration tests) runs raw-SQL migrations and needs no other entity.
  entities: [Meta],
  // The migrations and their runner are loaded only when needed (see migrator.ts).
  migrations: {
    snapshot: false,
    transactional: true,
    allOrNothing: true,
    silent: true,
  },
  forceUtcTimezone: true,
  // Raw SQL results keep their own shapes; entities are declared with explicit column types.
  discovery: { warnWhenNoEntities: true },
  allowGlobalContext: false,
  // Requests get their entity manager lazily (request-entity-manager.ts), instead of @mikro-orm/nestjs's
  // middleware that forks one for every request.
  context: contextEntityManager,
};

/**
 * ORM options for the configured database: PostgreSQL when DATABASE_URL is set, otherwise embedded
 * PGlite under the data folder (or in memory when there is none, as in tests), on its own thread.
 * The caller owns the returned embedded database and closes it after the ORM.
 */
export function ormOptions(config: Pick<HostConfig, 'databaseUrl' | 'dataDir'>): {
  options: Options;
  embedded?: EmbeddedDatabase;
} {
  if (config.databaseUrl) {
    return {
      options: {
        ...shared,
        driver: PostgreSqlDriver,
        clientUrl: config.databaseUrl,
        pool: {
          min: 0,
          max: 10,
          // The raw-SQL reads are named prepared statements (see sql.ts). Generic plans let a
          // connection reuse their plan instead of re-planning on every call, which for the feed
          // query cost about a third of its run time (measured: 296 → 420 req/s on one viewer's feed).
          //
          // Each connection also listens to the tables' change notifications (see change-feed.ts): a
          // session hears its own at the end of the commit, before the commit's answer, so a cached
          // session or token this instance just ended is gone before the request that ended it answers.
          afterCreate: (
            connection: PgConnection,
            done: (error: Error | null, connection: PgConnection) => void,
          ) => {
            connection.on('notification', (message) => {
              if (message.channel === CHANGES_CHANNEL && message.payload)
                changeHeard(config, message.payload);
            });
            connection.query(`set plan_cache_mode = force_generic_plan; listen ${CHANGES_CHANNEL}`, (error) =>
              done(error, connection),
            );
          },
        },
      } as Options,
    };
  }
  const embedded = openEmbeddedDatabase(config);
  return {
    embedded,
    options: {
      ...shared,
      driver: PGliteDriver,
      dbName: 'postgres',
      driverOptions: { connection: { pglite: () => embedded.asPGlite() } satisfies PGliteConnectionConfig },
    } as Options,
  };
}
