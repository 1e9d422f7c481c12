import { Injectable } from '@nestjs/common';
import { LIMITS } from '../common/limits';
import { PeriodicTask } from '../scheduling/periodic-task';
import { TaskLeaseRepository } from '../scheduling/task-lease.repository';
import { DatabaseService } from '../database/database.module';
import { OrdersService } from './orders.service';

/** Runs the orders' timeouts (OrdersService.sweep) every LIMITS.orderSweepIntervalSeconds while the host runs. */
@Injectable()
export class OrderSweeper extends PeriodicTask {
  constructor(
    private readonly orders: OrdersService,
    database: DatabaseService,
    leases: TaskLeaseRepository,
  ) {
    super(database, {
      intervalSeconds: LIMITS.orderSweepIntervalSeconds,
      logContext: 'OrderSweeper',
      failureMessage: 'order sweep failed',
      leases,
    });
  }

  protected async runOnce(): Promise<void> {
    const result = await this.orders.sweep();
    if (result.expired + result.refunded > 0) this.logger.log({ message: 'orders swept', ...result });
  }
}
