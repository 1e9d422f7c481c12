import { Injectable } from '@nestjs/common';
import {
  type AppWebhook,
  EventTargetsRepository,
  type SharedAuthorization,
} from './event-targets.repository';

export type { AppWebhook, SharedAuthorization };

/**
 * What the events module needs to know about apps as the receivers of events, without reading the apps'
 * tables: where an app's webhook is (URL, signing secret) and whether it is healthy, and which apps two
 * users both use. Which event types an app takes is a query fragment (`appTakingEvent`), so the outbox
 * checks it in the statement that records the event.
 */
@Injectable()
export class EventTargetsService {
  constructor(private readonly repository: EventTargetsRepository) {}

  /** The apps' webhooks, in no particular order; an app with no row (deleted) is left out. */
  webhooks(appIds: string[]): Promise<AppWebhook[]> {
    return this.repository.webhooks(appIds);
  }

  /** The app's signing secret; `candidate` becomes it if it has none yet (racing callers get the one stored). */
  ensureWebhookSecret(appId: string, candidate: string): Promise<string> {
    return this.repository.ensureWebhookSecret(appId, candidate);
  }

  setWebhookSecret(appId: string, secret: string): Promise<void> {
    return this.repository.setWebhookSecret(appId, secret);
  }

  /** Since when the app's webhook is unhealthy (an event gave up), or null when it is healthy. */
  webhookUnhealthySince(appId: string): Promise<Date | null> {
    return this.repository.webhookUnhealthySince(appId);
  }

  /** A delivery succeeded: the webhook is healthy again. */
  markWebhookHealthy(appId: string): Promise<void> {
    return this.repository.markWebhookHealthy(appId);
  }

  /** An event gave up: the webhook is unhealthy from `at`, unless it already was. */
  markWebhookUnhealthy(appId: string, at: Date): Promise<void> {
    return this.repository.markWebhookUnhealthy(appId, at);
  }

  /** The apps both users currently authorize, in app id order, naming each user by that app's openid. */
  sharedAuthorizations(userId: string, friendId: string): Promise<SharedAuthorization[]> {
    return this.repository.sharedAuthorizations(userId, friendId);
  }
}
