import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { newId } from '../common/ids';
import { currentRequestId } from '../common/request-context';
import { sqlRows } from '../database/sql';
import type { AppEvent, EventType } from './event-types';
import { EventsRepository } from './events.repository';
import { webhookRetryWindowMs } from './retry-window';

/** Handles one event for an app whose code runs inside the host (a built-in plugin). */
export type InProcessReceiver = (event: AppEvent, userId: string | null) => Promise<void>;

/**
 * The outbox side of events: `publish` records an event for one app inside the caller's transaction,
 * so the event exists exactly when the change that caused it does. Delivery (webhooks, or in-process
 * receivers for plugins) happens later, from the outbox (see EventDispatcher).
 */
@Injectable()
export class EventsService {
  private readonly receivers = new Map<string, InProcessReceiver>();

  constructor(
    private readonly em: EntityManager,
    private readonly repository: EventsRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Records `type` for `appId`; call it inside the transaction that makes the change. `data` must name
   * users by the app's openids only. `userId` is the user the event is about: a plugin handles the
   * event acting as that user. `deliverAt` delays delivery (reminders); the default is now. An app
   * gets only the event types its manifest lists: for any other the event is not recorded, and the
   * answer is null instead of the event's id.
   */
  async publish(
    appId: string,
    type: EventType,
    data: Record<string, unknown>,
    userId?: string,
    deliverAt?: Date,
  ): Promise<string | null> {
    const id = newId();
    const now = this.clock.now();
    const due = deliverAt ?? now;
    const listed = await this.repository.insert(
      {
        id,
        appId,
        type,
        userId: userId ?? null,
        data,
        createdAt: now,
        dueAt: due,
        retryUntil: new Date(due.getTime() + webhookRetryWindowMs(this.config)),
        requestId: currentRequestId() ?? null,
      },
      'listed',
    );
    return listed ? id : null;
  }

  /**
   * `friend.added` for every app both users currently authorize, naming both by that app's openids;
   * `userId` (the user who accepted) is who a plugin acts as. Call it in the befriending transaction.
   */
  async publishFriendAdded(userId: string, friendId: string): Promise<void> {
    const shared = await sqlRows<{ app_id: string; user_openid: string; friend_openid: string }>(
      this.em,
      `select mine.app_id, mine.openid as user_openid, theirs.openid as friend_openid
         from app_authorization mine
         join app_authorization theirs on theirs.app_id = mine.app_id and theirs.user_id = ?
        where mine.user_id = ? and mine.revoked_at is null and theirs.revoked_at is null
        order by mine.app_id`,
      [friendId, userId],
    );
    for (const row of shared) {
      await this.publish(
        row.app_id,
        'friend.added',
        { user: row.user_openid, friend: row.friend_openid },
        userId,
      );
    }
  }

  /** How many `type` events were published for the app about the user since `since` (quotas on events). */
  async countPublishedSince(appId: string, type: EventType, userId: string, since: Date): Promise<number> {
    const [row] = await sqlRows<{ count: number }>(
      this.em,
      `select count(*)::int as count from app_event
        where app_id = ? and type = ? and user_id = ? and created_at >= ?`,
      [appId, type, userId, since],
    );
    return row.count;
  }

  /** Events for `appId` go to `receiver` instead of a webhook (the plugins module registers its plugins). */
  registerInProcessReceiver(appId: string, receiver: InProcessReceiver): void {
    this.receivers.set(appId, receiver);
  }

  inProcessReceiver(appId: string): InProcessReceiver | undefined {
    return this.receivers.get(appId);
  }
}
