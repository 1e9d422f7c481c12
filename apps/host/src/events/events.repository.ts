import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { type Keyset, keysetCondition } from '../common/pagination';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import { EventTargetsPort } from './event-targets';
import type { DeliveredEventType, EventType } from './event-types';
import type { ReceiverAnswer } from './webhook-delivery';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'undeliverable';
export const DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'delivered', 'failed', 'undeliverable'];

/** One event's delivery to its app, as the `app_event` row keeps it. */
export interface DeliveryRow {
  id: string;
  type: DeliveredEventType;
  status: DeliveryStatus;
  attempts: number;
  created_at: Date | string;
  last_attempt_at: Date | string | null;
  next_attempt_at: Date | string;
  delivered_at: Date | string | null;
  last_error: string | null;
  last_status_code: number | null;
  last_response_excerpt: string | null;
}

const DELIVERY_COLUMNS = `id, type, status, attempts, created_at, last_attempt_at, next_attempt_at, delivered_at,
  last_error, last_status_code, last_response_excerpt`;

/** An app whose webhook gave up, as `EventsRepository.unhealthyApps` finds it. */
export interface UnhealthyAppRow {
  id: string;
  name: string;
  owner_id: string;
  webhook_url: string | null;
  webhook_unhealthy_at: Date | string;
  recent_failures: number;
  last_error: string | null;
}

/** An event leased for an attempt, as `EventsRepository.claimDue` returns it. */
export interface ClaimedEvent {
  id: string;
  app_id: string;
  type: DeliveredEventType;
  user_id: string | null;
  data: Record<string, unknown>;
  created_at: Date | string;
  attempts: number;
  retry_until: Date | string;
  request_id: string | null;
}

/** An event as the outbox keeps it, before its first attempt. */
export interface OutboxEvent {
  id: string;
  appId: string;
  type: DeliveredEventType;
  userId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  /** When the first attempt is due. */
  dueAt: Date;
  /** When retrying stops and the event has failed. */
  retryUntil: Date;
  /** The HTTP request that caused it, if one did (see common/request-context). */
  requestId: string | null;
}

/**
 * SQL of the events module's table, the `app_event` outbox, for EventsService, the dispatcher and the
 * webhook services. What it needs of apps' rows comes as the apps module's query fragments.
 */
@Injectable()
export class EventsRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly targets: EventTargetsPort,
  ) {}

  /**
   * Adds the event to the outbox. With `only: 'listed'` it does so only if the app lists the type among
   * its manifest's events (the app's `events` column follows the manifest users get), answering false
   * when the app does not want it; `'any'` is for the test event the developer asks for.
   */
  async insert(event: OutboxEvent, only: 'listed' | 'any'): Promise<boolean> {
    const app = this.targets.get().appTakingEvent(event.appId, event.type, only === 'any');
    const inserted = await sqlRun(
      this.em,
      `insert into app_event (id, app_id, type, user_id, data, created_at, next_attempt_at, retry_until, request_id)
       select ?, a.id, ?, ?, ?::jsonb, ?, ?, ?, ? from ${app.sql} a`,
      [
        event.id,
        event.type,
        event.userId,
        JSON.stringify(event.data),
        event.createdAt,
        event.dueAt,
        event.retryUntil,
        event.requestId,
        ...app.params,
      ],
    );
    return inserted > 0;
  }

  /**
   * Leases up to `limit` due events until `leaseUntil`, counting the attempt: `for update skip locked`,
   * so instances claiming at once never get the same event. Call it inside a transaction.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedEvent[]> {
    return sqlRows<ClaimedEvent>(
      this.em,
      `update app_event e set next_attempt_at = ?, attempts = e.attempts + 1, last_attempt_at = ?
         from (select id from app_event where status = 'pending' and next_attempt_at <= ?
                order by created_at, id limit ? for update skip locked) due
        where e.id = due.id
        returning e.id, e.app_id, e.type, e.user_id, e.data, e.created_at, e.attempts, e.retry_until, e.request_id`,
      [leaseUntil, now, now, limit],
    );
  }

  /** How many `type` events were recorded for the app about the user since `since`. */
  async countSince(appId: string, type: EventType, userId: string, since: Date): Promise<number> {
    const [row] = await sqlRows<{ count: number }>(
      this.em,
      `select count(*)::int as count from app_event
        where app_id = ? and type = ? and user_id = ? and created_at >= ?`,
      [appId, type, userId, since],
    );
    return row.count;
  }

  /** The app's deliveries, newest first, after the keyset, optionally of one status; one more than `limit`. */
  listDeliveries(
    appId: string,
    limit: number,
    after: Keyset | undefined,
    status: DeliveryStatus | undefined,
  ): Promise<DeliveryRow[]> {
    const keyset = keysetCondition('e', after);
    return sqlRows<DeliveryRow>(
      this.em,
      `select ${DELIVERY_COLUMNS} from app_event e
        where e.app_id = ? and ${keyset.sql} ${status ? 'and e.status = ?' : ''}
        order by e.created_at desc, e.id desc
        limit ?`,
      [appId, ...keyset.params, ...(status ? [status] : []), limit + 1],
    );
  }

  async delivery(appId: string, eventId: string): Promise<DeliveryRow | null> {
    const [row] = await sqlRows<DeliveryRow>(
      this.em,
      `select ${DELIVERY_COLUMNS} from app_event where app_id = ? and id = ?`,
      [appId, eventId],
    );
    return row ?? null;
  }

  /** Whether one of the app's events of this type is still on its way (pending). */
  async hasPending(appId: string, type: DeliveredEventType): Promise<boolean> {
    const rows = await sqlRows(
      this.em,
      "select 1 from app_event where app_id = ? and type = ? and status = 'pending' limit 1",
      [appId, type],
    );
    return rows.length > 0;
  }

  /**
   * Starts a settled delivery over, due at `now`: a fresh round of attempts until `retryUntil`, with the
   * last round's outcome cleared. False when the event is not the app's or is still pending (a pending
   * one may be in flight, and sending it twice at once is what the lease prevents).
   */
  async restart(appId: string, eventId: string, now: Date, retryUntil: Date): Promise<boolean> {
    const restarted = await sqlRun(
      this.em,
      `update app_event set status = 'pending', attempts = 0, next_attempt_at = ?, retry_until = ?,
              delivered_at = null, last_error = null, last_status_code = null, last_response_excerpt = null
        where app_id = ? and id = ? and status <> 'pending'`,
      [now, retryUntil, appId, eventId],
    );
    return restarted > 0;
  }

  /** The attempt succeeded: the event is delivered, with the receiver's answer (none in-process). */
  async markDelivered(eventId: string, at: Date, answer: ReceiverAnswer | null): Promise<void> {
    await sqlRun(
      this.em,
      `update app_event set status = 'delivered', delivered_at = ?, last_error = null, last_status_code = ?,
              last_response_excerpt = ?
        where id = ? and status = 'pending'`,
      [at, answer?.statusCode ?? null, answer?.excerpt ?? null, eventId],
    );
  }

  /**
   * The attempt failed: `then` is when the next attempt is due, or the status the event ends in (failed
   * at its deadline, or undeliverable when its app cannot receive events).
   */
  async recordFailure(
    eventId: string,
    error: string | null,
    answer: ReceiverAnswer | null,
    then: Date | 'failed' | 'undeliverable',
  ): Promise<void> {
    const retryAt = then instanceof Date ? then : null;
    await sqlRun(
      this.em,
      `update app_event set status = ?, next_attempt_at = coalesce(?, next_attempt_at), last_error = ?,
              last_status_code = ?, last_response_excerpt = ?
        where id = ? and status = 'pending'`,
      [
        retryAt ? 'pending' : then,
        retryAt,
        error,
        answer?.statusCode ?? null,
        answer?.excerpt ?? null,
        eventId,
      ],
    );
  }

  /**
   * Hands leases back: the events this instance claimed but did not finish (it is shutting down) are due
   * at `now`, for another instance to deliver at once, with the attempt that never happened uncounted.
   */
  async releaseLeases(eventIds: string[], now: Date): Promise<number> {
    if (eventIds.length === 0) return 0;
    return sqlRun(
      this.em,
      `update app_event set next_attempt_at = ?, attempts = greatest(attempts - 1, 0)
        where id = any(?::uuid[]) and status = 'pending' and next_attempt_at > ?`,
      [now, uuidArray(eventIds), now],
    );
  }

  /**
   * The outbox backlog for /metrics: events due (or already tried) and not settled, and how long the oldest
   * of them has waited since it was recorded. Events scheduled for later (reminders) are not behind yet.
   */
  async backlog(now: Date): Promise<{ pending: number; oldestAgeSeconds: number }> {
    const [row] = await sqlRows<{ pending: number; oldest: Date | string | null }>(
      this.em,
      `select count(*)::int as pending, min(created_at) as oldest from app_event
        where status = 'pending' and (next_attempt_at <= ? or attempts > 0)`,
      [now],
    );
    const oldest = row.oldest === null ? null : new Date(row.oldest).getTime();
    return {
      pending: row.pending,
      oldestAgeSeconds: oldest === null ? 0 : Math.max(0, (now.getTime() - oldest) / 1000),
    };
  }

  /**
   * Apps marked unhealthy, most recent first, with how many of their events gave up since `since` and the
   * last error of the latest one that did.
   */
  unhealthyApps(since: Date, limit: number): Promise<UnhealthyAppRow[]> {
    return sqlRows<UnhealthyAppRow>(
      this.em,
      // The apps' table is read through the apps module's fragment (EventTargets.unhealthyWebhookApps).
      `select a.id, a.name, a.owner_id, a.webhook_url, a.webhook_unhealthy_at,
              (select count(*)::int from app_event e
                where e.app_id = a.id and e.status = 'failed' and e.last_attempt_at >= ?) as recent_failures,
              (select e.last_error from app_event e
                where e.app_id = a.id and e.status = 'failed'
                order by e.last_attempt_at desc, e.id desc limit 1) as last_error
         from ${this.targets.get().unhealthyWebhookApps} a
        order by a.webhook_unhealthy_at desc, a.id desc limit ?`,
      [since, limit],
    );
  }
}
