import { MikroORM, RequestContext } from '@mikro-orm/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlConnection, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { HOST_CONFIG, type HostConfig } from '../config/config';
import { type DatabasePoolUse, Metrics } from '../metrics/metrics.service';
import { ChangeFeed, embeddedDatabase, registerEmbeddedDatabase } from './change-feed';
import { MetaRepository } from './meta.repository';
import { migrationState, migratorOf, schemaIsCurrent } from './migrator';
import { ormOptions } from './orm-options';

/** The advisory lock key (an arbitrary constant) under which one instance at a time does its start-up work. */
const START_UP_LOCK = 4_242_001;

/** The part of knex's pool (tarn) the pool gauges read. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** How long the readiness check waits for `select 1`. */
const PING_TIMEOUT_MS = 2000;

export interface MigrationState {
  executed: string[];
  pending: string[];
}

@Injectable()
export class DatabaseService implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly orm: MikroORM,
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
    metrics: Metrics,
  ) {
    metrics.provide('databasePool', () => this.poolUse());
  }

  /** Applies every pending migration; called once at start (see whileStarting), before the host takes requests. */
  async migrate(): Promise<void> {
    const applied = (await schemaIsCurrent(this.orm)) ? [] : await (await migratorOf(this.orm)).up();
    this.logger.log({
      message: 'database migrated',
      database: this.config.databaseMode,
      applied: applied.length,
      latest: applied.at(-1)?.name,
    });
  }

  /** Whether the database answers `select 1` within a short time (the readiness check). */
  async ping(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>(
      (resolve) => (timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS)),
    );
    const answer = this.orm.em
      .fork()
      .getConnection()
      .execute('select 1', [], 'all')
      .then(() => true)
      .catch(() => false);
    try {
      return await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Runs the start-up work (migrations, the platform's keys and built-in apps, the first admin) while no
   * other instance on the same PostgreSQL database does its own: instances started together take turns (an
   * advisory lock held by a connection of its own), so the first creates what is missing and the others
   * find it made.
   */
  async whileStarting<T>(work: () => Promise<T>): Promise<T> {
    if (this.config.databaseMode !== 'postgresql') return work();
    const lock = new Client({ connectionString: this.config.databaseUrl });
    await lock.connect();
    try {
      await lock.query('select pg_advisory_lock($1)', [START_UP_LOCK]);
      return await work();
    } finally {
      // Ending the session releases the lock, also when the work failed.
      await lock.end();
    }
  }

  /** The connection pool's use on PostgreSQL; null on the embedded database, which has one in-process connection. */
  poolUse(): DatabasePoolUse | null {
    if (this.config.databaseMode !== 'postgresql') return null;
    const connection = this.orm.em.getConnection();
    if (!(connection instanceof PostgreSqlConnection)) return null;
    const pool = (connection.getKnex().client as { pool?: TarnPool }).pool;
    if (!pool) return null;
    return { used: pool.numUsed(), idle: pool.numFree(), waiting: pool.numPendingAcquires() };
  }

  /** Runs start-up work (first admin, demo data) with its own identity map, as a request would have. */
  withContext<T>(work: () => Promise<T>): Promise<T> {
    return RequestContext.create(this.orm.em, work);
  }

  migrationState(): Promise<MigrationState> {
    return migrationState(this.orm);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.orm.close(true);
    await embeddedDatabase(this.config)?.close();
  }
}

@Global()
@Module({
  imports: [
    MikroOrmModule.forRootAsync({
      // Both drivers are PostgreSQL underneath; naming one lets the module register its EntityManager token.
      driver: PostgreSqlDriver,
      inject: [HOST_CONFIG],
      useFactory: (config: HostConfig) => {
        const { options, embedded } = ormOptions(config);
        // The ORM borrows the embedded database: DatabaseService closes it after the ORM.
        if (embedded) registerEmbeddedDatabase(config, embedded);
        // The feature modules' entities come from their own MikroOrmModule.forFeature, so this module
        // knows none of them (each module owns its tables).
        return { ...options, autoLoadEntities: true, registerRequestContext: false };
      },
    }),
  ],
  providers: [DatabaseService, MetaRepository, ChangeFeed],
  exports: [DatabaseService, MetaRepository, ChangeFeed],
})
export class DatabaseModule {}
