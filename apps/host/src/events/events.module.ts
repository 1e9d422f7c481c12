import { Global, Module } from '@nestjs/common';
import { EventsService } from './events.service';

/** Domain events for apps: the transactional outbox and its delivery. Global: every module publishes. */
@Global()
@Module({
  providers: [EventsService],
  exports: [EventsService],
})
export class EventsModule {}
