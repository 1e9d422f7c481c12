import { Global, Module } from '@nestjs/common';
import { AppsModule } from '../apps/apps.module';
import { EventDispatcher } from './event-dispatcher.service';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';
import { WebhooksService } from './webhooks.service';

/**
 * Domain events for apps: the transactional outbox, its delivery (in-process to plugins, signed
 * webhooks to third-party apps) and the webhook pages of developers and admins. Global: every module
 * publishes.
 */
@Global()
@Module({
  imports: [AppsModule],
  controllers: [EventsController],
  providers: [EventsService, EventsRepository, EventDispatcher, WebhooksService],
  exports: [EventsService, EventDispatcher],
})
export class EventsModule {}
