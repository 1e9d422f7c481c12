import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { LIMITS } from '../common/limits';
import { DatabaseService } from '../database/database.module';
import { OrdersService } from './orders.service';

/**
 * Runs the orders' timeouts (OrdersService.sweep) every LIMITS.orderSweepIntervalSeconds while the
 * host runs. The first sweep waits one interval, by when migrations have run. The timer does not keep
 * the process alive, and a sweep in progress is awaited at shutdown so it ends before the database.
 */
@Injectable()
export class OrderSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OrderSweeper');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly orders: OrdersService,
    private readonly database: DatabaseService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweepOnce().finally(() => (this.running = undefined));
    }, LIMITS.orderSweepIntervalSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async sweepOnce(): Promise<void> {
    try {
      const result = await this.database.withContext(() => this.orders.sweep());
      if (result.expired + result.refunded > 0) this.logger.log({ message: 'orders swept', ...result });
    } catch (error) {
      this.logger.error({ message: 'order sweep failed', error: String(error) });
    }
  }
}
