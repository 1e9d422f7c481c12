import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { sqlRun } from '../database/sql';
import type { AppEvent, EventType } from './event-types';

/** Handles one event for an app whose code runs inside the host (a built-in plugin). */
export type InProcessReceiver = (event: AppEvent, userId: string | null) => Promise<void>;

/**
 * The outbox side of events: `publish` records an event for one app inside the caller's transaction,
 * so the event exists exactly when the change that caused it does. Delivery (webhooks, or in-process
 * receivers for plugins) happens later, from the outbox.
 */
@Injectable()
export class EventsService {
  private readonly receivers = new Map<string, InProcessReceiver>();

  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Records `type` for `appId`; call it inside the transaction that makes the change. `data` must name
   * users by the app's openids only. `userId` is the user the event is about: a plugin handles the
   * event acting as that user. `deliverAt` delays delivery (reminders); the default is now.
   */
  async publish(
    appId: string,
    type: EventType,
    data: Record<string, unknown>,
    userId?: string,
    deliverAt?: Date,
  ): Promise<string> {
    const id = newId();
    const now = this.clock.now();
    await sqlRun(
      this.em,
      `insert into app_event (id, app_id, type, user_id, data, created_at, next_attempt_at)
       values (?, ?, ?, ?, ?::jsonb, ?, ?)`,
      [id, appId, type, userId ?? null, JSON.stringify(data), now, deliverAt ?? now],
    );
    return id;
  }

  /** Events for `appId` go to `receiver` instead of a webhook (the plugins module registers its plugins). */
  registerInProcessReceiver(appId: string, receiver: InProcessReceiver): void {
    this.receivers.set(appId, receiver);
  }

  inProcessReceiver(appId: string): InProcessReceiver | undefined {
    return this.receivers.get(appId);
  }
}
