import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { PeriodicTask } from '../scheduling/periodic-task';
import { utcDay } from '../common/time';
import { HOST_CONFIG, type HostConfig } from '../config/config';
import { DatabaseService } from '../database/database.module';
import { type UsageCounts, UsageRepository, type UsageRow } from './usage.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

const keyOf = (row: Pick<UsageRow, 'appId' | 'day' | 'operation'>): string =>
  `${row.appId} ${row.day} ${row.operation}`;

/** Adds `more` to `into`. */
export function addCounts(into: UsageCounts, more: UsageCounts): void {
  into.calls += more.calls;
  into.clientErrors += more.clientErrors;
  into.rateLimited += more.rateLimited;
  into.serverErrors += more.serverErrors;
}

/** Adds one answer with `status` to the counts. */
function count(counts: UsageCounts, status: number): void {
  counts.calls += 1;
  if (status === 429) counts.rateLimited += 1;
  else if (status >= 400 && status < 500) counts.clientErrors += 1;
  else if (status >= 500) counts.serverErrors += 1;
}

/**
 * Counts apps' Open API calls per UTC day and operation. A call costs a map update in this
 * instance's memory; every LIMITS.openApiUsageFlushSeconds (or HostConfig.openApiUsageFlushSeconds, and when the host stops) the counts are
 * added to the database in one statement, where every instance's counts meet. A per-request upsert
 * would put a write, and a lock on one hot row per app and operation, in front of every response
 * (see docs/benchmarks.md); an instance that crashes loses at most one interval of counts instead.
 */
@Injectable()
export class OpenApiUsage extends PeriodicTask implements BeforeApplicationShutdown {
  private pending = new Map<string, UsageRow>();
  /** The UTC day calls are counted in now, and the instant (ms) it ends. */
  private day = { name: '', endsAt: 0 };

  constructor(
    private readonly repository: UsageRepository,
    database: DatabaseService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(HOST_CONFIG) config: HostConfig,
  ) {
    super(database, {
      intervalSeconds: config.openApiUsageFlushSeconds ?? LIMITS.openApiUsageFlushSeconds,
      logContext: 'OpenApiUsage',
      failureMessage: 'adding Open API usage failed',
    });
  }

  /** Counts a call of `operation` by the app, answered with `status`. */
  record(appId: string, operation: string, status: number): void {
    const day = this.dayOf(this.clock.now());
    const key = keyOf({ appId, day, operation });
    let row = this.pending.get(key);
    if (!row) {
      row = { appId, day, operation, calls: 0, clientErrors: 0, rateLimited: 0, serverErrors: 0 };
      this.pending.set(key, row);
    }
    count(row, status);
  }

  /** `utcDay(now)`, formatted once a day rather than on every call counted. */
  private dayOf(now: Date): string {
    const ms = now.getTime();
    if (ms >= this.day.endsAt || ms < this.day.endsAt - DAY_MS) {
      this.day = { name: utcDay(now), endsAt: (Math.floor(ms / DAY_MS) + 1) * DAY_MS };
    }
    return this.day.name;
  }

  /**
   * Adds what was counted since the last flush to the database, and forgets days older than anyone may
   * ask for. Counts that could not be added are kept for the next flush.
   */
  async flush(): Promise<void> {
    const rows = [...this.pending.values()];
    this.pending = new Map();
    try {
      await this.repository.add(rows);
    } catch (error) {
      for (const row of rows) this.putBack(row);
      throw error;
    }
    const oldest = new Date(this.clock.now().getTime() - (LIMITS.openApiUsageDaysMax - 1) * DAY_MS);
    await this.repository.deleteBefore(utcDay(oldest));
  }

  private putBack(row: UsageRow): void {
    const newer = this.pending.get(keyOf(row));
    if (newer) addCounts(newer, row);
    else this.pending.set(keyOf(row), row);
  }

  protected runOnce(): Promise<void> {
    return this.flush();
  }

  /**
   * The last counts go to the database before it closes (the database closes at application shutdown). A
   * failure is logged, as a periodic flush's is: thrown, it would end the shutdown before the database and
   * the plugin workers are closed (a host that failed to start has no tables to add to).
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.database
      .withContext(() => this.flush())
      .catch((error) => this.logger.error({ message: 'adding Open API usage failed', error: String(error) }));
  }
}
