import { Injectable } from '@nestjs/common';

/** An app's webhook: where it is (null: the app has none) and its signing secret (null until first needed). */
export interface AppWebhook {
  appId: string;
  url: string | null;
  secret: string | null;
}

/** One app two users both authorize, and each user's openid there. */
export interface SharedAuthorization {
  appId: string;
  userOpenid: string;
  friendOpenid: string;
}

/**
 * What the events module needs to know about apps as the receivers of events, without reading the apps'
 * tables: where an app's webhook is (URL, signing secret) and whether it is healthy, which apps two users
 * both use, and which apps a developer owns. Which event types an app takes, and which apps are unhealthy,
 * are query fragments over the apps' table, so the outbox checks them in its own statements.
 *
 * The apps module implements it (EventTargetsService): it sits above events (it publishes events), so
 * events declares what it needs and apps plugs it in (EventTargetsPort) instead of events importing apps.
 */
export interface EventTargets {
  /** The apps' webhooks, in no particular order; an app with no row (deleted) is left out. */
  webhooks(appIds: string[]): Promise<AppWebhook[]>;
  /** The app's signing secret; `candidate` becomes it if it has none yet (racing callers get the one stored). */
  ensureWebhookSecret(appId: string, candidate: string): Promise<string>;
  setWebhookSecret(appId: string, secret: string): Promise<void>;
  /** Since when the app's webhook is unhealthy (an event gave up), or null when it is healthy. */
  webhookUnhealthySince(appId: string): Promise<Date | null>;
  /** A delivery succeeded: the webhook is healthy again. */
  markWebhookHealthy(appId: string): Promise<void>;
  /** An event gave up: the webhook is unhealthy from `at`, unless it already was. */
  markWebhookUnhealthy(appId: string, at: Date): Promise<void>;
  /** The apps both users currently authorize, in app id order, naming each user by that app's openid. */
  sharedAuthorizations(userId: string, friendId: string): Promise<SharedAuthorization[]>;
  /**
   * The app's webhook URL, if `developerId` owns the app; a stranger gets the same 404 as for a missing
   * app. `lock` holds the app's row until the transaction ends.
   */
  ownedWebhookUrl(developerId: string, appId: string, lock?: boolean): Promise<string | null>;
  /**
   * The one app `appId` if it takes events of `type` (or of any type when `anyType` is set): the source row
   * of an outbox insert (`… select …, a.id, … from ${sql} a`), so the check and the insert are one statement.
   */
  appTakingEvent(appId: string, type: string, anyType: boolean): { sql: string; params: unknown[] };
  /**
   * Apps whose webhook is marked unhealthy, with the columns an admin's list shows (`id`, `name`,
   * `owner_id`, `webhook_url`, `webhook_unhealthy_at`): a source for `from ${unhealthyWebhookApps} a`.
   */
  readonly unhealthyWebhookApps: string;
}

/**
 * Where the apps module plugs its EventTargets in at start (its EventTargetsService does, on creation); the
 * events module's services ask it for them when they handle an event or a request.
 */
@Injectable()
export class EventTargetsPort {
  private targets: EventTargets | undefined;

  plugIn(targets: EventTargets): void {
    this.targets = targets;
  }

  get(): EventTargets {
    if (!this.targets)
      throw new Error('No event targets: the apps module plugs them in (EventTargetsService)');
    return this.targets;
  }
}
