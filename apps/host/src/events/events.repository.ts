import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRun } from '../database/sql';
import type { EventType } from './event-types';

/** An event as the outbox keeps it, before its first attempt. */
export interface OutboxEvent {
  id: string;
  appId: string;
  type: EventType;
  userId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  /** When the first attempt is due. */
  dueAt: Date;
  /** When retrying stops and the event has failed. */
  retryUntil: Date;
}

/**
 * SQL of the events module's tables (the `app_event` outbox) for EventsService and the webhook
 * services: the queries added since the repository was introduced (older ones are still there).
 */
@Injectable()
export class EventsRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Adds the event to the outbox if its app lists the type among its manifest's events (the app's
   * `events` column follows the manifest users get); false when the app does not want it.
   */
  async insertIfListed(event: OutboxEvent): Promise<boolean> {
    const inserted = await sqlRun(
      this.em,
      `insert into app_event (id, app_id, type, user_id, data, created_at, next_attempt_at, retry_until)
       select ?, a.id, ?, ?, ?::jsonb, ?, ?, ? from app a where a.id = ? and ? = any(a.events)`,
      [
        event.id,
        event.type,
        event.userId,
        JSON.stringify(event.data),
        event.createdAt,
        event.dueAt,
        event.retryUntil,
        event.appId,
        event.type,
      ],
    );
    return inserted > 0;
  }
}
