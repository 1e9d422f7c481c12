import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { AppsService } from '../apps/apps.service';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { sqlRows, sqlRun } from '../database/sql';
import type { EventType } from './event-types';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'undeliverable';

export interface Delivery {
  eventId: string;
  type: EventType;
  status: DeliveryStatus;
  attempts: number;
  createdAt: Date;
  lastAttemptAt: Date | null;
  /** When the next attempt is due; null once the event is delivered or given up. */
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  lastError: string | null;
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
}

const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

const orNull = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

/** Apps' webhook secrets and delivery health, as their developers and admins see them. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly em: EntityManager,
    private readonly apps: AppsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The app's signing secret, created on first need (racing callers all get the one that was stored). */
  async secretFor(appId: string): Promise<string> {
    await sqlRun(this.em, 'update app set webhook_secret = ? where id = ? and webhook_secret is null', [
      newWebhookSecret(),
      appId,
    ]);
    const [row] = await sqlRows<{ webhook_secret: string }>(
      this.em,
      'select webhook_secret from app where id = ?',
      [appId],
    );
    return row.webhook_secret;
  }

  async overview(developerId: string, appId: string): Promise<WebhookOverview> {
    return this.em.transactional(async () => {
      const app = await this.apps.owned(developerId, appId);
      const secret = await this.secretFor(appId);
      const [health] = await sqlRows<{ webhook_unhealthy_at: Date | string | null }>(
        this.em,
        'select webhook_unhealthy_at from app where id = ?',
        [appId],
      );
      const rows = await sqlRows<{
        id: string;
        type: EventType;
        status: DeliveryStatus;
        attempts: number;
        created_at: Date | string;
        last_attempt_at: Date | string | null;
        next_attempt_at: Date | string;
        delivered_at: Date | string | null;
        last_error: string | null;
      }>(
        this.em,
        `select id, type, status, attempts, created_at, last_attempt_at, next_attempt_at, delivered_at, last_error
           from app_event where app_id = ? order by created_at desc, id desc limit ?`,
        [appId, LIMITS.webhookRecentDeliveries],
      );
      return {
        url: app.webhookUrl,
        secret,
        unhealthySince: orNull(health.webhook_unhealthy_at),
        deliveries: rows.map((row) => ({
          eventId: row.id,
          type: row.type,
          status: row.status,
          attempts: row.attempts,
          createdAt: new Date(row.created_at),
          lastAttemptAt: orNull(row.last_attempt_at),
          nextAttemptAt: row.status === 'pending' ? new Date(row.next_attempt_at) : null,
          deliveredAt: orNull(row.delivered_at),
          lastError: row.last_error,
        })),
      };
    });
  }

  /** A new secret replaces the old one at once: webhooks signed from now on use it. */
  async rotateSecret(developerId: string, appId: string): Promise<string> {
    return this.em.transactional(async () => {
      await this.apps.owned(developerId, appId, true);
      const secret = newWebhookSecret();
      await sqlRun(this.em, 'update app set webhook_secret = ? where id = ?', [secret, appId]);
      return secret;
    });
  }

  /** Apps whose events gave up after a day of retries, and have not had a delivery succeed since. */
  async unhealthyApps(): Promise<UnhealthyApp[]> {
    const dayAgo = new Date(this.clock.now().getTime() - 24 * 60 * 60 * 1000);
    const rows = await sqlRows<{
      id: string;
      name: string;
      owner_id: string;
      webhook_url: string | null;
      webhook_unhealthy_at: Date | string;
      recent_failures: number;
    }>(
      this.em,
      `select a.id, a.name, a.owner_id, a.webhook_url, a.webhook_unhealthy_at,
              (select count(*)::int from app_event e
                where e.app_id = a.id and e.status = 'failed' and e.last_attempt_at >= ?) as recent_failures
         from app a where a.webhook_unhealthy_at is not null
        order by a.webhook_unhealthy_at desc, a.id desc limit ?`,
      [dayAgo, LIMITS.pageSizeMax],
    );
    return rows.map((row) => ({
      appId: row.id,
      name: row.name,
      ownerId: row.owner_id,
      webhookUrl: row.webhook_url,
      unhealthySince: new Date(row.webhook_unhealthy_at),
      recentFailures: row.recent_failures,
    }));
  }
}
