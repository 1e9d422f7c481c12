import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { DatabaseService } from '../database/database.module';
import { deleteInBatches } from '../scheduling/batches';
import { PeriodicTask } from '../scheduling/periodic-task';
import { TaskLeaseRepository } from '../scheduling/task-lease.repository';
import { OAuthRepository } from './oauth.repository';

/**
 * Purges what the OAuth server no longer needs, on one instance at a time: consent transactions once
 * expired; tokens and codes a grace period after they expired (until then they are still known, and
 * answered as expired); then grants left without tokens, among them one per user and hour for plugins.
 */
@Injectable()
export class OAuthSweeper extends PeriodicTask {
  constructor(
    private readonly repository: OAuthRepository,
    @Inject(Clock) private readonly clock: Clock,
    database: DatabaseService,
    leases: TaskLeaseRepository,
  ) {
    super(database, {
      intervalSeconds: LIMITS.expiredStateSweepIntervalSeconds,
      logContext: 'OAuthSweeper',
      failureMessage: 'purge of expired OAuth state failed',
      leases,
    });
  }

  /** One purge; what it deleted. */
  async purge(): Promise<{ transactions: number; tokens: number; codes: number; grants: number }> {
    const now = this.clock.now();
    const graceEnded = new Date(now.getTime() - LIMITS.expiredStateGraceSeconds * 1000);
    const transactions = await deleteInBatches((size) =>
      this.repository.purgeConsentTransactionsExpiredBefore(now, size),
    );
    const tokens = await deleteInBatches((size) =>
      this.repository.purgeTokensExpiredBefore(graceEnded, size),
    );
    const codes = await deleteInBatches((size) => this.repository.purgeCodesExpiredBefore(graceEnded, size));
    const grants = await deleteInBatches((size) =>
      this.repository.purgeGrantsWithoutTokens(graceEnded, size),
    );
    return { transactions, tokens, codes, grants };
  }

  protected async runOnce(): Promise<void> {
    const purged = await this.purge();
    if (Object.values(purged).some((count) => count > 0)) {
      this.logger.log({ message: 'expired OAuth state purged', ...purged });
    }
  }
}
