import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.module';
import { SharedStore } from '../shared-store/shared-store';

export type CheckState = 'ok' | 'failing' | 'pending';

export interface ReadinessChecks {
  database: CheckState;
  migrations: CheckState;
  plugins: CheckState;
  /** Present when the host runs with Redis (REDIS_URL). */
  redis?: CheckState;
}

/**
 * Whether this instance may take traffic: createHost marks the start steps done, the shutdown marks the
 * end; the database is asked each time.
 */
@Injectable()
export class Readiness {
  private migrated = false;
  private pluginsStarted = false;
  private draining = false;

  constructor(
    private readonly database: DatabaseService,
    private readonly sharedStore: SharedStore,
  ) {}

  markMigrated(): void {
    this.migrated = true;
  }

  markPluginsStarted(): void {
    this.pluginsStarted = true;
  }

  /** From now on the instance is not ready: the balancer sends new requests elsewhere while it drains. */
  markDraining(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  async checks(): Promise<ReadinessChecks> {
    return {
      database: (await this.database.ping()) ? 'ok' : 'failing',
      migrations: this.migrated ? 'ok' : 'pending',
      plugins: this.pluginsStarted ? 'ok' : 'pending',
      ...(this.sharedStore.redis ? { redis: (await this.sharedStore.reachable()) ? 'ok' : 'failing' } : {}),
    };
  }
}
