import { Injectable } from '@nestjs/common';
import { LIMITS } from '../common/limits';
import { PeriodicTask } from '../common/periodic-task';
import { DatabaseService } from '../database/database.module';
import { OrdersService } from './orders.service';

/** Runs the orders' timeouts (OrdersService.sweep) every LIMITS.orderSweepIntervalSeconds while the host runs. */
@Injectable()
export class OrderSweeper extends PeriodicTask {
  constructor(
    private readonly orders: OrdersService,
    database: DatabaseService,
  ) {
    super(database, {
      intervalSeconds: LIMITS.orderSweepIntervalSeconds,
      logContext: 'OrderSweeper',
      failureMessage: 'order sweep failed',
    });
  }

  protected async runOnce(): Promise<void> {
    const result = await this.orders.sweep();
    if (result.expired + result.refunded > 0) this.logger.log({ message: 'orders swept', ...result });
  }
}
