import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { HOST_CONFIG, type HostConfig } from '../config/config';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import { type Keyset, toPage } from '../common/pagination';
import { currentRequestId } from '../common/request-context';
import { conflict, notFound, ProblemException } from '../common/problem';
import { EventTargetsPort } from './event-targets';
import { type DeliveredEventType, TEST_EVENT_TYPE } from './event-types';
import { type DeliveryRow, type DeliveryStatus, EventsRepository } from './events.repository';
import { webhookRetryWindowMs } from './retry-window';

export interface Delivery {
  eventId: string;
  type: DeliveredEventType;
  status: DeliveryStatus;
  attempts: number;
  createdAt: Date;
  lastAttemptAt: Date | null;
  /** When the next attempt is due; null once the event is delivered or given up. */
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  lastError: string | null;
  /** What the receiver answered to the last attempt; null when it did not answer (or runs in-process). */
  lastStatusCode: number | null;
  lastResponseExcerpt: string | null;
}

export interface WebhookOverview {
  url: string | null;
  secret: string;
  unhealthySince: Date | null;
  deliveries: Delivery[];
}

export interface UnhealthyApp {
  appId: string;
  name: string;
  ownerId: string;
  webhookUrl: string | null;
  unhealthySince: Date;
  /** Events that gave up (status failed) in the last day. */
  recentFailures: number;
  /** Why the latest event that gave up failed its last attempt. */
  lastError: string | null;
}

const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

const orNull = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

function toDelivery(row: DeliveryRow): Delivery {
  return {
    eventId: row.id,
    type: row.type,
    status: row.status,
    attempts: row.attempts,
    createdAt: new Date(row.created_at),
    lastAttemptAt: orNull(row.last_attempt_at),
    nextAttemptAt: row.status === 'pending' ? new Date(row.next_attempt_at) : null,
    deliveredAt: orNull(row.delivered_at),
    lastError: row.last_error,
    lastStatusCode: row.last_status_code,
    lastResponseExcerpt: row.last_response_excerpt,
  };
}

/**
 * Apps' webhook secrets, deliveries and health, as their developers and admins see them: the delivery
 * log, redelivering one event and sending a test event.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: EventsRepository,
    private readonly targets: EventTargetsPort,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
  ) {}

  /** The app's signing secret, created on first need (racing callers all get the one that was stored). */
  secretFor(appId: string): Promise<string> {
    return this.targets.get().ensureWebhookSecret(appId, newWebhookSecret());
  }

  async overview(developerId: string, appId: string): Promise<WebhookOverview> {
    return this.em.transactional(async () => {
      const webhookUrl = await this.targets.get().ownedWebhookUrl(developerId, appId);
      const secret = await this.secretFor(appId);
      const unhealthySince = await this.targets.get().webhookUnhealthySince(appId);
      const rows = await this.repository.listDeliveries(
        appId,
        LIMITS.webhookRecentDeliveries,
        undefined,
        undefined,
      );
      return {
        url: webhookUrl,
        secret,
        unhealthySince,
        deliveries: rows.slice(0, LIMITS.webhookRecentDeliveries).map(toDelivery),
      };
    });
  }

  /** A page of the app's delivery log, newest first, optionally of one status. */
  async deliveries(
    developerId: string,
    appId: string,
    limit: number,
    after: Keyset | undefined,
    status: DeliveryStatus | undefined,
  ): Promise<{ items: Delivery[]; nextCursor: string | null }> {
    await this.targets.get().ownedWebhookUrl(developerId, appId);
    return toPage(await this.repository.listDeliveries(appId, limit, after, status), limit, toDelivery);
  }

  /**
   * Sends a delivered, failed or undeliverable event again, with the same id (a receiver that applied
   * it already will skip it): a fresh round of attempts, starting at the next poll.
   */
  async redeliver(developerId: string, appId: string, eventId: string): Promise<Delivery> {
    return this.em.transactional(async () => {
      await this.targets.get().ownedWebhookUrl(developerId, appId);
      const now = this.clock.now();
      const retryUntil = new Date(now.getTime() + webhookRetryWindowMs(this.config));
      if (!(await this.repository.restart(appId, eventId, now, retryUntil))) {
        if (!(await this.repository.delivery(appId, eventId))) throw notFound('Delivery');
        throw conflict(
          'delivery_pending',
          'The event is still being delivered; redeliver it once it settles',
        );
      }
      return toDelivery((await this.repository.delivery(appId, eventId))!);
    });
  }

  /**
   * Sends a `webhook.test` event to the app's webhook, signed and retried like any event. One at a
   * time per app: a developer cannot pile test events on a receiver.
   */
  async sendTest(developerId: string, appId: string): Promise<Delivery> {
    return this.em.transactional(async () => {
      const webhookUrl = await this.targets.get().ownedWebhookUrl(developerId, appId, true);
      if (webhookUrl === null) {
        throw new ProblemException(
          HttpStatus.CONFLICT,
          'webhook_missing',
          'The app has no webhook URL: set one in a version first',
        );
      }
      if (await this.repository.hasPending(appId, TEST_EVENT_TYPE)) {
        throw conflict(
          'delivery_pending',
          'A test event is still being delivered; send another once it settles',
        );
      }
      const id = newId();
      const now = this.clock.now();
      await this.repository.insert(
        {
          id,
          appId,
          type: TEST_EVENT_TYPE,
          userId: null,
          data: { message: 'A test event, sent because the developer asked for one' },
          createdAt: now,
          dueAt: now,
          retryUntil: new Date(now.getTime() + webhookRetryWindowMs(this.config)),
          requestId: currentRequestId() ?? null,
        },
        'any',
      );
      return toDelivery((await this.repository.delivery(appId, id))!);
    });
  }

  /** A new secret replaces the old one at once: webhooks signed from now on use it. */
  async rotateSecret(developerId: string, appId: string): Promise<string> {
    return this.em.transactional(async () => {
      await this.targets.get().ownedWebhookUrl(developerId, appId, true);
      const secret = newWebhookSecret();
      await this.targets.get().setWebhookSecret(appId, secret);
      return secret;
    });
  }

  /** Apps whose events gave up after a day of retries, and have not had a delivery succeed since. */
  async unhealthyApps(): Promise<UnhealthyApp[]> {
    const dayAgo = new Date(this.clock.now().getTime() - 24 * 60 * 60 * 1000);
    const rows = await this.repository.unhealthyApps(dayAgo, LIMITS.pageSizeMax);
    return rows.map((row) => ({
      appId: row.id,
      name: row.name,
      ownerId: row.owner_id,
      webhookUrl: row.webhook_url,
      unhealthySince: new Date(row.webhook_unhealthy_at),
      recentFailures: row.recent_failures,
      lastError: row.last_error,
    }));
  }
}
