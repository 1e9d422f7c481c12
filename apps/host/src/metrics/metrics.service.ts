import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { acquireProcessMetrics, releaseProcessMetrics } from './process-metrics';

/** What the outbox holds now: undelivered events and how long the oldest has waited. */
export interface OutboxBacklog {
  pending: number;
  oldestAgeSeconds: number;
}

/** Connections of the database pool, where the driver tells (PostgreSQL through knex's pool). */
export interface DatabasePoolUse {
  used: number;
  idle: number;
  waiting: number;
}

/** Where the gauges read at scrape time come from; the owning modules register them at start. */
interface Sources {
  outboxBacklog?: () => Promise<OutboxBacklog>;
  databasePool?: () => DatabasePoolUse | null;
  pluginBreakers?: () => { pluginId: string; disabled: boolean }[];
}

export type RateLimitKind = 'open_api' | 'invalid_token' | 'oauth_token' | 'sign_in';
export type WebhookOutcome = 'delivered' | 'retry' | 'failed' | 'undeliverable';

/** Seconds: from a fast cached read to a slow plugin call. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The host's Prometheus metrics, in a registry of its own (a test process runs many hosts). Counters are
 * counted where things happen; gauges are read from their owners' sources when `/metrics` is scraped.
 */
@Injectable()
export class Metrics implements OnApplicationShutdown {
  readonly registry = new Registry();
  /** The process's metrics, shared with the other hosts the process runs; given back when this host closes. */
  private readonly processRegistry = acquireProcessMetrics();
  private processRegistryReleased = false;
  private readonly sources: Sources = {};

  readonly httpRequests = new Counter({
    name: 'kongjian_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'kongjian_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly webhookDeliveries = new Counter({
    name: 'kongjian_event_deliveries_total',
    help: 'Outbox delivery attempts (webhooks and plugin receivers), by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly pluginCalls = new Counter({
    name: 'kongjian_plugin_calls_total',
    help: 'Calls into plugins (routes and events), by plugin and kind',
    labelNames: ['plugin', 'kind'] as const,
    registers: [this.registry],
  });

  readonly pluginFailures = new Counter({
    name: 'kongjian_plugin_failures_total',
    help: 'Plugin failures the circuit breaker counted, by plugin',
    labelNames: ['plugin'] as const,
    registers: [this.registry],
  });

  readonly rateLimitRejections = new Counter({
    name: 'kongjian_rate_limit_rejections_total',
    help: 'Requests refused with 429 by a rate limit, by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  constructor() {
    const sources = this.sources;
    // One query answers both outbox gauges. A scrape collects all metrics at once, so the first of the two
    // to ask starts the query and the second shares it.
    let backlog: Promise<OutboxBacklog> | undefined;
    let backlogReaders = 0;
    const readBacklog = (source: NonNullable<Sources['outboxBacklog']>): Promise<OutboxBacklog> => {
      if (!backlog) {
        backlog = source();
        backlogReaders = 0;
      }
      const shared = backlog;
      if (++backlogReaders === 2) backlog = undefined;
      return shared;
    };
    new Gauge({
      name: 'kongjian_outbox_pending_events',
      help: 'Events in the outbox due or retrying and not yet delivered (nor given up on)',
      registers: [this.registry],
      async collect() {
        if (!sources.outboxBacklog) return;
        // A database that does not answer leaves the last value; the rest of the scrape still works.
        const read = await readBacklog(sources.outboxBacklog).catch(() => null);
        if (read) this.set(read.pending);
      },
    });
    new Gauge({
      name: 'kongjian_outbox_oldest_pending_age_seconds',
      help: 'How long the oldest of those events has waited since it was recorded (0 when none)',
      registers: [this.registry],
      async collect() {
        if (!sources.outboxBacklog) return;
        const read = await readBacklog(sources.outboxBacklog).catch(() => null);
        if (read) this.set(read.oldestAgeSeconds);
      },
    });
    new Gauge({
      name: 'kongjian_db_pool_connections',
      help: 'Database pool connections by state (PostgreSQL only; the embedded database has no pool)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const pool = sources.databasePool?.();
        if (!pool) return;
        this.set({ state: 'used' }, pool.used);
        this.set({ state: 'idle' }, pool.idle);
        this.set({ state: 'waiting' }, pool.waiting);
      },
    });
    new Gauge({
      name: 'kongjian_plugin_disabled',
      help: '1 when the plugin is disabled (by its circuit breaker or an admin), else 0',
      labelNames: ['plugin'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const breaker of sources.pluginBreakers?.() ?? []) {
          this.set({ plugin: breaker.pluginId }, breaker.disabled ? 1 : 0);
        }
      },
    });
  }

  /** The Prometheus text of this host's metrics and the process's. */
  async scrape(): Promise<{ contentType: string; text: string }> {
    const merged = Registry.merge([this.registry, this.processRegistry]);
    return { contentType: this.registry.contentType, text: await merged.metrics() };
  }

  onApplicationShutdown(): void {
    if (this.processRegistryReleased) return;
    this.processRegistryReleased = true;
    releaseProcessMetrics();
  }

  /** The owning module's reader of a gauge's value (the events module for the outbox, and so on). */
  provide<K extends keyof Sources>(name: K, source: NonNullable<Sources[K]>): void {
    this.sources[name] = source;
  }

  /** Counts one answered HTTP request. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  rejectedByRateLimit(kind: RateLimitKind): void {
    this.rateLimitRejections.inc({ kind });
  }
}
