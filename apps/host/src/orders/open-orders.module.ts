import { Module } from '@nestjs/common';
import { EconomyModule } from '../economy/economy.module';
import { EventsModule } from '../events/events.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OpenApiModule } from '../open-api/open-api.module';
import { OpenOrdersController } from './open-orders.controller';
import { OrderTimeouts } from './order-timeouts.service';
import { OrderViews } from './order-views';
import { OrdersRepository } from './orders.repository';
import { OrdersService } from './orders.service';

/**
 * The orders' Open API operations and the service behind every side of orders. A module of its own
 * because the open-platform document (openapi/open-platform.json) is made of whole modules.
 */
@Module({
  imports: [OpenApiModule, EconomyModule, EventsModule, NotificationsModule],
  controllers: [OpenOrdersController],
  providers: [OrdersService, OrdersRepository, OrderViews, OrderTimeouts],
  exports: [OrdersService, OrderTimeouts],
})
export class OpenOrdersModule {}
