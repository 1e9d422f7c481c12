import { SchedulingModule } from '../scheduling/scheduling.module';
import { Module } from '@nestjs/common';
import { AppsModule } from '../apps/apps.module';
import { EconomyModule } from '../economy/economy.module';
import { OpenOrdersModule } from './open-orders.module';
import { OrderPagesController } from './order-pages.controller';
import { OrderSweeper } from './order-sweeper';
import { OrdersController } from './orders.controller';

/**
 * Orders: coins charged through apps, confirmed by users, delivered by apps. The app's side is in
 * OpenOrdersModule; here are the buyer's and developer's side, the confirmation page and the sweeper.
 */
@Module({
  imports: [OpenOrdersModule, AppsModule, EconomyModule, SchedulingModule],
  controllers: [OrdersController, OrderPagesController],
  providers: [OrderSweeper],
  exports: [OpenOrdersModule],
})
export class OrdersModule {}
