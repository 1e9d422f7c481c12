import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { LIMITS } from '../common/limits';
import { HOST_CONFIG, type HostConfig } from '../config/config';

/** The prefix of every Redis key when the configuration names none. */
export const DEFAULT_REDIS_KEY_PREFIX = 'kongjian:';

/**
 * The store every host instance shares: Redis when REDIS_URL is set, nothing otherwise (each user of it then
 * falls back to this instance's memory). Owns the connections: one for commands, made at start, and one for
 * subscriptions, made on first use (a connection in subscriber mode can run no other command). Both are
 * closed when the host shuts down.
 */
@Injectable()
export class SharedStore implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SharedStore');
  /** Null on the embedded default: no Redis client exists, so nothing touches the network. */
  readonly redis: Redis | null;
  /** Every key of this installation starts with this. */
  readonly keyPrefix: string;
  private subscriberConnection: Redis | null = null;

  constructor(@Inject(HOST_CONFIG) private readonly config: HostConfig) {
    this.keyPrefix = config.redisKeyPrefix ?? DEFAULT_REDIS_KEY_PREFIX;
    this.redis = config.redisUrl ? this.connect(config.redisUrl) : null;
  }

  private answered: Promise<void> | undefined;

  /** Fails the start when Redis is configured but cannot be reached, naming where it was looked for. */
  async onModuleInit(): Promise<void> {
    await this.ready();
  }

  /**
   * Resolves once Redis has answered a first PING (at once without Redis); rejects naming where Redis was
   * looked for. What else uses Redis at start waits for it, so a Redis that is down is reported as such.
   */
  ready(): Promise<void> {
    this.answered ??= (async () => {
      if (!this.redis) return;
      try {
        await this.redis.ping();
      } catch (error) {
        throw new Error(`Redis at ${this.where()} did not answer: ${String(error)}`);
      }
    })();
    return this.answered;
  }

  /** The connection for subscriptions (pub/sub), made on first use; null without Redis. */
  subscriber(): Redis | null {
    if (!this.redis || !this.config.redisUrl) return null;
    this.subscriberConnection ??= this.connect(this.config.redisUrl);
    return this.subscriberConnection;
  }

  /** Whether Redis answers now (true without Redis: there is nothing to wait for). */
  async reachable(): Promise<boolean> {
    if (!this.redis) return true;
    try {
      return (await this.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [this.redis, this.subscriberConnection].map(async (connection) => {
        if (!connection || connection.status === 'end') return;
        // QUIT lets replies in flight arrive; a connection that is down is simply dropped.
        await connection.quit().catch(() => connection.disconnect());
      }),
    );
  }

  private connect(url: string): Redis {
    const connection = new Redis(url, {
      connectTimeout: LIMITS.redisConnectTimeoutMs,
      // A command waits through at most one reconnection, then fails (a 500) instead of hanging the request.
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 100, LIMITS.redisReconnectMaxMs),
    });
    // ioredis reconnects by itself; without a listener an outage would crash the process.
    connection.on('error', (error: Error) =>
      this.logger.warn({ message: 'Redis connection error', redis: this.where(), error: error.message }),
    );
    return connection;
  }

  /** The host and port of Redis, never its password. */
  private where(): string {
    const url = new URL(this.config.redisUrl ?? '');
    return `${url.hostname}:${url.port || '6379'}`;
  }
}
