import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import type { AppWebhook, SharedAuthorization } from '../events/event-targets';

/**
 * SQL of the `app` table's webhook columns (URL, signing secret, health) and of authorizations, for what
 * the events module asks of apps (EventTargets, which EventTargetsService implements).
 */
@Injectable()
export class EventTargetsRepository {
  constructor(private readonly em: EntityManager) {}

  async webhooks(appIds: string[]): Promise<AppWebhook[]> {
    const rows = await sqlRows<{ id: string; webhook_url: string | null; webhook_secret: string | null }>(
      this.em,
      'select id, webhook_url, webhook_secret from app where id = any(?::uuid[])',
      [uuidArray(appIds)],
    );
    return rows.map((row) => ({ appId: row.id, url: row.webhook_url, secret: row.webhook_secret }));
  }

  /** Stores `secret` as the app's signing secret unless it has one; answers the one stored. */
  async ensureWebhookSecret(appId: string, secret: string): Promise<string> {
    await sqlRun(this.em, 'update app set webhook_secret = ? where id = ? and webhook_secret is null', [
      secret,
      appId,
    ]);
    const [row] = await sqlRows<{ webhook_secret: string }>(
      this.em,
      'select webhook_secret from app where id = ?',
      [appId],
    );
    return row.webhook_secret;
  }

  async setWebhookSecret(appId: string, secret: string): Promise<void> {
    await sqlRun(this.em, 'update app set webhook_secret = ? where id = ?', [secret, appId]);
  }

  async webhookUnhealthySince(appId: string): Promise<Date | null> {
    const [row] = await sqlRows<{ webhook_unhealthy_at: Date | string | null }>(
      this.em,
      'select webhook_unhealthy_at from app where id = ?',
      [appId],
    );
    return row.webhook_unhealthy_at === null ? null : new Date(row.webhook_unhealthy_at);
  }

  async markWebhookHealthy(appId: string): Promise<void> {
    await sqlRun(
      this.em,
      'update app set webhook_unhealthy_at = null where id = ? and webhook_unhealthy_at is not null',
      [appId],
    );
  }

  /** Unhealthy since `at`, unless it already was. */
  async markWebhookUnhealthy(appId: string, at: Date): Promise<void> {
    await sqlRun(
      this.em,
      'update app set webhook_unhealthy_at = coalesce(webhook_unhealthy_at, ?) where id = ?',
      [at, appId],
    );
  }

  /** The apps both users currently authorize, in app id order, with each one's openid there. */
  async sharedAuthorizations(userId: string, friendId: string): Promise<SharedAuthorization[]> {
    const rows = await sqlRows<{ app_id: string; user_openid: string; friend_openid: string }>(
      this.em,
      `select mine.app_id, mine.openid as user_openid, theirs.openid as friend_openid
         from app_authorization mine
         join app_authorization theirs on theirs.app_id = mine.app_id and theirs.user_id = ?
        where mine.user_id = ? and mine.revoked_at is null and theirs.revoked_at is null
        order by mine.app_id`,
      [friendId, userId],
    );
    return rows.map((row) => ({
      appId: row.app_id,
      userOpenid: row.user_openid,
      friendOpenid: row.friend_openid,
    }));
  }
}
