import { Module } from '@nestjs/common';
import { EventDispatcher } from './event-dispatcher.service';
import { EventTargetsPort } from './event-targets';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';
import { WebhooksService } from './webhooks.service';

/**
 * Domain events for apps: the transactional outbox, its delivery (in-process to plugins, signed
 * webhooks to third-party apps) and the webhook pages of developers and admins. Each module that
 * publishes imports it. What it needs to know of apps (their webhooks, who owns them) the apps module
 * plugs into EventTargetsPort: apps publishes events, so events cannot import it.
 */
@Module({
  controllers: [EventsController],
  providers: [EventsService, EventsRepository, EventDispatcher, WebhooksService, EventTargetsPort],
  exports: [EventsService, EventDispatcher, EventTargetsPort],
})
export class EventsModule {}
