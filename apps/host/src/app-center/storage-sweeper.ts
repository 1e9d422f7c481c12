import { Injectable } from '@nestjs/common';
import { AuthorizationsService } from '../apps/authorizations.service';
import { LIMITS } from '../common/limits';
import { PeriodicTask } from '../scheduling/periodic-task';
import { TaskLeaseRepository } from '../scheduling/task-lease.repository';
import { DatabaseService } from '../database/database.module';

/**
 * Deletes uninstalled apps' per-user storage once its grace period has passed
 * (AuthorizationsService.sweepStorage), every LIMITS.appStorageSweepIntervalSeconds.
 */
@Injectable()
export class StorageSweeper extends PeriodicTask {
  constructor(
    private readonly authorizations: AuthorizationsService,
    database: DatabaseService,
    leases: TaskLeaseRepository,
  ) {
    super(database, {
      intervalSeconds: LIMITS.appStorageSweepIntervalSeconds,
      logContext: 'StorageSweeper',
      failureMessage: 'storage sweep failed',
      leases,
    });
  }

  protected async runOnce(): Promise<void> {
    const deleted = await this.authorizations.sweepStorage();
    if (deleted > 0) this.logger.log({ message: 'uninstalled apps’ storage deleted', items: deleted });
  }
}
