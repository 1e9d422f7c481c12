import { Injectable } from '@nestjs/common';
import { LIMITS } from '../common/limits';
import { PeriodicTask } from '../scheduling/periodic-task';
import { TaskLeaseRepository } from '../scheduling/task-lease.repository';
import { DatabaseService } from '../database/database.module';
import { OrderTimeouts } from './order-timeouts.service';

/** Runs the orders' timeouts (OrderTimeouts.sweep) every LIMITS.orderSweepIntervalSeconds while the host runs. */
@Injectable()
export class OrderSweeper extends PeriodicTask {
  constructor(
    private readonly timeouts: OrderTimeouts,
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
    const result = await this.timeouts.sweep();
    if (result.expired + result.refunded > 0) this.logger.log({ message: 'orders swept', ...result });
  }
}
