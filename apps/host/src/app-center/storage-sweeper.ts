import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AuthorizationsService } from '../apps/authorizations.service';
import { LIMITS } from '../common/limits';
import { DatabaseService } from '../database/database.module';

/**
 * Deletes uninstalled apps' per-user storage once its grace period has passed
 * (AuthorizationsService.sweepStorage), every LIMITS.appStorageSweepIntervalSeconds. The timer does
 * not keep the process alive; a sweep in progress is awaited at shutdown.
 */
@Injectable()
export class StorageSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('StorageSweeper');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly authorizations: AuthorizationsService,
    private readonly database: DatabaseService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweepOnce().finally(() => (this.running = undefined));
    }, LIMITS.appStorageSweepIntervalSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async sweepOnce(): Promise<void> {
    try {
      const deleted = await this.database.withContext(() => this.authorizations.sweepStorage());
      if (deleted > 0) this.logger.log({ message: 'uninstalled apps’ storage deleted', items: deleted });
    } catch (error) {
      this.logger.error({ message: 'storage sweep failed', error: String(error) });
    }
  }
}
