import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DatabaseService } from '../database/database.module';
import type { TaskLeaseRepository } from './task-lease.repository';

/** How a periodic task runs: how often, and the names its log lines carry. */
export interface PeriodicTaskOptions {
  /** Seconds between runs (a value from LIMITS). */
  intervalSeconds: number;
  /** The logger context, e.g. 'OrderSweeper'. */
  logContext: string;
  /** What a failed run logs, e.g. 'order sweep failed'. */
  failureMessage: string;
  /**
   * For work that must run once however many instances share the database (sweeps): each run first takes
   * the task's lease for one interval, and an instance that cannot skips the tick. Without it, every
   * instance runs the task (work on the instance's own memory, such as flushing its counters).
   */
  leases?: TaskLeaseRepository;
}

/**
 * Background work the host repeats every `intervalSeconds` while it runs (sweeps of expired data).
 * The first run waits one interval, by when createHost has migrated the database. Each run has its own
 * MikroORM context, as a request would; a run never overlaps the previous one (a tick that comes while
 * one is in progress is skipped); a failure is logged and the next tick tries again. The timer does not
 * keep the process alive, and a run in progress is awaited at shutdown so it ends before the database; a lease
 * held is then given up, so another instance takes the work over at its next tick.
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  protected constructor(
    protected readonly database: DatabaseService,
    private readonly options: PeriodicTaskOptions,
  ) {
    this.logger = new Logger(options.logContext);
  }

  /** One run of the task; it may log what it did through `this.logger`. */
  protected abstract runOnce(): Promise<void>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.runInContext().finally(() => (this.running = undefined));
    }, this.options.intervalSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    const { leases, logContext } = this.options;
    if (leases) await this.database.withContext(() => leases.release(logContext)).catch(() => undefined);
  }

  private async runInContext(): Promise<void> {
    const { leases, logContext, intervalSeconds } = this.options;
    try {
      await this.database.withContext(async () => {
        if (!leases || (await leases.take(logContext, intervalSeconds))) await this.runOnce();
      });
    } catch (error) {
      this.logger.error({ message: this.options.failureMessage, error: String(error) });
    }
  }
}
