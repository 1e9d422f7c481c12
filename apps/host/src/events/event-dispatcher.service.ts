import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { runInRequestScope } from '../common/request-context';
import { iso } from '../common/time';
import { HOST_CONFIG, type HostConfig } from '../config/config';
import { DatabaseService } from '../database/database.module';
import { Metrics, type WebhookOutcome } from '../metrics/metrics.service';
import { EventTargetsPort } from './event-targets';
import type { AppEvent } from './event-types';
import { type ClaimedEvent, EventsRepository } from './events.repository';
import { EventsService } from './events.service';
import {
  DeliveryFailure,
  postWebhook,
  type ReceiverAnswer,
  WEBHOOK_HEADERS,
  webhookSignature,
} from './webhook-delivery';
import { WebhooksService } from './webhooks.service';

/** Where an app's events go: its webhook (URL and signing secret), if it has one. */
interface Webhook {
  url: string;
  secret: string;
}

/**
 * How long to wait before retry number `attempt` (1 after the first failure): 10 s doubling up to an
 * hour, plus up to 20 % jitter so many failing events do not retry in lockstep.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(LIMITS.webhookRetryFirstMs * 2 ** (attempt - 1), LIMITS.webhookRetryMaxMs);
  return Math.round(base * (1 + LIMITS.webhookRetryJitter * random()));
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, LIMITS.webhookErrorMax);
}

/**
 * Moves the outbox forward: claims due events, hands each to its app's in-process receiver (plugins)
 * or POSTs it as a signed webhook, and records the outcome: delivered, retried later with backoff,
 * failed after a day (the app is then unhealthy until a delivery succeeds), or undeliverable when the
 * app has no way to receive events. Claiming sets a lease (`next_attempt_at` in the near future) in a
 * short transaction with `for update skip locked`, so several instances never send the same event at
 * once and nothing is held open across the HTTP call; an instance that dies mid-send leaves the lease
 * to expire and another delivers. Receivers must dedupe by event id: delivery is at least once.
 */
@Injectable()
export class EventDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Events');
  private readonly shutdown = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  /** Runs of `deliverDue`, one after another, so a caller's run sees everything the poller claimed. */
  private runs: Promise<unknown> = Promise.resolve();
  /** Events this instance claimed and has not recorded an outcome for: their leases are released at shutdown. */
  private readonly leased = new Set<string>();

  constructor(
    private readonly em: EntityManager,
    private readonly database: DatabaseService,
    private readonly events: EventsService,
    private readonly repository: EventsRepository,
    private readonly webhooks: WebhooksService,
    private readonly targets: EventTargetsPort,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
    private readonly metrics: Metrics,
  ) {
    metrics.provide('outboxBacklog', () =>
      this.database.withContext(() => this.repository.backlog(this.clock.now())),
    );
  }

  onApplicationBootstrap(): void {
    this.schedulePoll();
  }

  /**
   * Stops polling, cuts sends in flight short and hands their leases back, so another instance delivers
   * those events at once instead of after the lease runs out.
   */
  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.timer);
    this.shutdown.abort(new Error('The host is shutting down'));
    await this.runs;
    if (this.leased.size === 0) return;
    const ids = [...this.leased];
    this.leased.clear();
    try {
      const released = await this.database.withContext(() =>
        this.repository.releaseLeases(ids, this.clock.now()),
      );
      this.logger.log({ message: 'outbox leases released', events: released });
    } catch (error) {
      this.logger.warn({ message: 'releasing outbox leases failed', error: errorText(error) });
    }
  }

  // The first poll comes a poll interval after start, once createHost has migrated the database.
  private schedulePoll(): void {
    if (this.shutdown.signal.aborted) return;
    this.timer = setTimeout(() => void this.poll(), LIMITS.eventPollIntervalMs);
  }

  private async poll(): Promise<void> {
    try {
      await this.deliverDue();
    } catch (error) {
      this.logger.warn({ message: 'event delivery round failed', error: errorText(error) });
    }
    this.schedulePoll();
  }

  /**
   * Delivers every event due now (the poller calls this every second; tests call it to deliver at a
   * moment of their choosing). Returns how many events it handled.
   */
  deliverDue(): Promise<number> {
    const run = this.runs.then(() => this.deliverAllDue());
    this.runs = run.catch(() => undefined);
    return run;
  }

  private async deliverAllDue(): Promise<number> {
    let handled = 0;
    while (!this.shutdown.signal.aborted) {
      const claimed = await this.database.withContext(() => this.claim());
      await Promise.all(
        [...claimed.byApp.values()].map(async (events) => {
          // One app's events go one after another, oldest first (best-effort order).
          for (const event of events) await this.deliver(event, claimed.webhooks.get(event.app_id));
        }),
      );
      handled += claimed.count;
      if (claimed.count < LIMITS.eventDeliveryBatch) break;
    }
    return handled;
  }

  /** Leases a batch of due events and looks up their apps' webhooks, in one short transaction. */
  private claim(): Promise<{
    count: number;
    byApp: Map<string, ClaimedEvent[]>;
    webhooks: Map<string, Webhook>;
  }> {
    return this.em.transactional(async () => {
      const now = this.clock.now();
      const rows = await this.repository.claimDue(
        now,
        new Date(now.getTime() + LIMITS.eventLeaseMs),
        LIMITS.eventDeliveryBatch,
      );
      for (const row of rows) this.leased.add(row.id);
      rows.sort((a, b) => iso(a.created_at).localeCompare(iso(b.created_at)) || a.id.localeCompare(b.id));
      const byApp = new Map<string, ClaimedEvent[]>();
      for (const row of rows) byApp.set(row.app_id, [...(byApp.get(row.app_id) ?? []), row]);
      const webhooks = new Map<string, Webhook>();
      if (rows.length > 0) {
        const apps = await this.targets.get().webhooks([...byApp.keys()]);
        for (const app of apps) {
          if (app.url === null) continue;
          const secret = app.secret ?? (await this.webhooks.secretFor(app.appId));
          webhooks.set(app.appId, { url: app.url, secret });
        }
      }
      return { count: rows.length, byApp, webhooks };
    });
  }

  private async deliver(event: ClaimedEvent, webhook: Webhook | undefined): Promise<void> {
    const appEvent: AppEvent = {
      id: event.id,
      type: event.type,
      appId: event.app_id,
      createdAt: iso(event.created_at),
      data: event.data,
    };
    const receiver = this.events.inProcessReceiver(event.app_id);
    let failure: string | null = null;
    let answer: ReceiverAnswer | null = null;
    try {
      // The plugin handling the event acts in the causing request's name (its Open API calls carry the id).
      if (receiver) {
        const received = () => receiver(appEvent, event.user_id);
        await this.withinTimeout(
          event.request_id === null ? received() : runInRequestScope(event.request_id, received),
        );
      } else if (webhook) answer = await this.post(appEvent, webhook, event.request_id);
      else {
        await this.record(
          event,
          'undeliverable',
          'The app has neither a webhook URL nor an in-process receiver',
          null,
        );
        return;
      }
    } catch (error) {
      // A send cut short by shutdown keeps its lease: the event is due again soon, on any instance.
      if (this.shutdown.signal.aborted) return;
      if (error instanceof DeliveryFailure) answer = error.answer;
      else this.logger.warn({ message: 'event receiver failed', error: errorText(error) });
      failure = errorText(error);
    }
    if (failure === null) await this.record(event, 'delivered', null, answer);
    else await this.record(event, 'failed', failure, answer);
  }

  private async post(event: AppEvent, webhook: Webhook, requestId: string | null): Promise<ReceiverAnswer> {
    const body = JSON.stringify(event);
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    return postWebhook({
      url: webhook.url,
      body,
      headers: {
        [WEBHOOK_HEADERS.eventId]: event.id,
        [WEBHOOK_HEADERS.eventType]: event.type,
        [WEBHOOK_HEADERS.signature]: webhookSignature(webhook.secret, timestamp, body),
        ...(requestId === null ? {} : { [WEBHOOK_HEADERS.requestId]: requestId }),
      },
      devMode: this.config.devMode ?? false,
      signal: this.shutdown.signal,
    });
  }

  /** An in-process receiver gets as long as a webhook would; the plugin supervisor has its own watchdog. */
  private async withinTimeout(work: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new DeliveryFailure(`The receiver did not finish within ${LIMITS.webhookTimeoutMs / 1000} s`),
          ),
        LIMITS.webhookTimeoutMs,
      );
    });
    try {
      await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Records an attempt's outcome, with the receiver's answer when there was one. A failure before the
   * event's retry deadline schedules the next attempt (never past the deadline, so the last one
   * happens at it); at the deadline the event has failed and its app becomes unhealthy. A success
   * makes the app healthy again.
   */
  private async record(
    event: ClaimedEvent,
    outcome: 'delivered' | 'failed' | 'undeliverable',
    error: string | null,
    answer: ReceiverAnswer | null,
  ): Promise<void> {
    const counted = await this.database.withContext(() =>
      this.em.transactional(async (): Promise<WebhookOutcome> => {
        const now = this.clock.now();
        if (outcome === 'delivered') {
          await this.repository.markDelivered(event.id, now, answer);
          await this.targets.get().markWebhookHealthy(event.app_id);
          return 'delivered';
        }
        const deadline = new Date(event.retry_until).getTime();
        if (outcome === 'failed' && now.getTime() < deadline) {
          const next = Math.min(now.getTime() + retryDelayMs(event.attempts), deadline);
          await this.repository.recordFailure(event.id, error, answer, new Date(next));
          return 'retry';
        }
        await this.repository.recordFailure(event.id, error, answer, outcome);
        if (outcome === 'failed') {
          this.logger.warn({
            message: 'webhook gave up; app marked unhealthy',
            appId: event.app_id,
            eventId: event.id,
          });
          await this.targets.get().markWebhookUnhealthy(event.app_id, now);
        }
        return outcome;
      }),
    );
    this.leased.delete(event.id);
    this.metrics.webhookDeliveries.inc({ outcome: counted });
  }
}
