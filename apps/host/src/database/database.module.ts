import { PGlite } from '@electric-sql/pglite';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ormOptions } from './orm-options';

/** PGlite instances handed to the ORM; the ORM borrows them, so they are closed here after it. */
const embeddedInstances = new WeakMap<AppConfig, PGlite>();

export interface MigrationState {
  executed: string[];
  pending: string[];
}

@Injectable()
export class DatabaseService implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Applies every pending migration; called once at start, before the host takes requests. */
  async migrate(): Promise<void> {
    const applied = await this.orm.getMigrator().up();
    if (applied.length > 0) {
      this.logger.log({
        message: 'applied migrations',
        migrations: applied.map((migration) => migration.name),
      });
    }
  }

  /** Runs start-up work (first admin, demo data) with its own identity map, as a request would have. */
  withContext<T>(work: () => Promise<T>): Promise<T> {
    return RequestContext.create(this.orm.em, work);
  }

  async migrationState(): Promise<MigrationState> {
    const migrator = this.orm.getMigrator();
    const [executed, pending] = await Promise.all([
      migrator.getExecutedMigrations(),
      migrator.getPendingMigrations(),
    ]);
    return {
      executed: executed.map((migration) => migration.name),
      pending: pending.map((migration) => migration.name),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.orm.close(true);
    await embeddedInstances.get(this.config)?.close();
  }
}

@Global()
@Module({
  imports: [
    MikroOrmModule.forRootAsync({
      // Both drivers are PostgreSQL underneath; naming one lets the module register its EntityManager token.
      driver: PostgreSqlDriver,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const { options, pglite } = ormOptions(config);
        if (pglite) embeddedInstances.set(config, pglite);
        return options;
      },
    }),
  ],
  providers: [DatabaseService],
  exports: [DatabaseService],
})
export class DatabaseModule {}
