import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { DatabaseService } from '../database/database.module';
import { deleteInBatches } from '../scheduling/batches';
import { PeriodicTask } from '../scheduling/periodic-task';
import { TaskLeaseRepository } from '../scheduling/task-lease.repository';
import { AccountsRepository } from './accounts.repository';

/** Deletes expired sessions (a cookie of one is refused anyway), on one instance at a time. */
@Injectable()
export class SessionSweeper extends PeriodicTask {
  constructor(
    private readonly repository: AccountsRepository,
    @Inject(Clock) private readonly clock: Clock,
    database: DatabaseService,
    leases: TaskLeaseRepository,
  ) {
    super(database, {
      intervalSeconds: LIMITS.expiredStateSweepIntervalSeconds,
      logContext: 'SessionSweeper',
      failureMessage: 'purge of expired sessions failed',
      leases,
    });
  }

  /** One purge; how many sessions it deleted. */
  purge(): Promise<number> {
    const now = this.clock.now();
    return deleteInBatches((size) => this.repository.purgeSessionsExpiredBefore(now, size));
  }

  protected async runOnce(): Promise<void> {
    const sessions = await this.purge();
    if (sessions > 0) this.logger.log({ message: 'expired sessions purged', sessions });
  }
}
