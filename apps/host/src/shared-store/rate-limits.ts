import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { HOST_CONFIG, type HostConfig, type HostRateLimits, type WindowRule } from '../config/config';
import { SharedStore } from './shared-store';
import { MemoryWindowCounters, StoreWindowCounters, type WindowCounters } from './window-counters';

/** What one key has left in the current window, and when the window ends. */
export interface WindowCount {
  /** Whether the request just counted fits the limit (for `peek`: whether one more would). */
  allowed: boolean;
  limit: number;
  remaining: number;
  resetsAt: Date;
  /** Seconds until the window ends (at least 1): the `Retry-After` of a refusal. */
  resetSeconds: number;
}

/**
 * A limit of `points` per fixed window, counted per key: in Redis when the host has it (every instance adds to
 * one atomic counter), else in this process's memory; the same code either way.
 *
 * The windows are the host's own: aligned to the epoch and read from its Clock, so every instance agrees on
 * them without talking, `resetsAt` is exact, and tests that move the clock move the windows.
 */
export class FixedWindowLimiter {
  constructor(
    private readonly counters: WindowCounters,
    readonly rule: WindowRule,
    private readonly clock: Clock,
  ) {}

  /** Counts one request for `key`; `allowed` is false when the window's limit was already reached. */
  async consume(key: string): Promise<WindowCount> {
    const window = this.window();
    const consumed = await this.counters.consume(key, window.id);
    return this.count(window, consumed, consumed <= this.rule.points);
  }

  /** What `key` has left now, counting nothing. */
  async peek(key: string): Promise<WindowCount> {
    const window = this.window();
    const consumed = await this.counters.get(key, window.id);
    return this.count(window, consumed, consumed < this.rule.points);
  }

  /**
   * Gives back a request counted by `consume` in the current window (one refused by another limit), so it
   * spends nothing.
   */
  async refund(key: string): Promise<void> {
    await this.counters.reward(key, this.window().id);
  }

  /** Starts `key`'s count of the current window again (a successful sign-in clears its failures). */
  async clear(key: string): Promise<void> {
    await this.counters.delete(key, this.window().id);
  }

  private window(): { id: number; end: number; resetSeconds: number } {
    const windowMs = this.rule.windowSeconds * 1000;
    const now = this.clock.now().getTime();
    const start = now - (now % windowMs);
    const end = start + windowMs;
    return { id: start / 1000, end, resetSeconds: Math.max(1, Math.ceil((end - now) / 1000)) };
  }

  private count(
    window: { end: number; resetSeconds: number },
    consumed: number,
    allowed: boolean,
  ): WindowCount {
    return {
      allowed,
      limit: this.rule.points,
      remaining: Math.max(0, this.rule.points - consumed),
      resetsAt: new Date(window.end),
      resetSeconds: window.resetSeconds,
    };
  }
}

/** The host's limits besides the Open API's, from LIMITS. */
export const DEFAULT_HOST_RATE_LIMITS: HostRateLimits = {
  oauthTokenPerClient: {
    points: LIMITS.oauthTokenRequestsPerClient,
    windowSeconds: LIMITS.oauthTokenWindowSeconds,
  },
  invalidTokensPerAddress: {
    points: LIMITS.openApiInvalidTokensPerAddress,
    windowSeconds: LIMITS.openApiInvalidTokenWindowSeconds,
  },
  signInFailuresPerUsername: {
    points: LIMITS.loginFailuresAllowed,
    windowSeconds: LIMITS.loginFailureWindowSeconds,
  },
  signInFailuresPerAddress: {
    points: LIMITS.loginFailuresPerAddress,
    windowSeconds: LIMITS.loginFailureWindowSeconds,
  },
};

/** Makes the host's rate limiters, on Redis when the host has it and in memory otherwise. */
@Injectable()
export class RateLimits {
  constructor(
    private readonly store: SharedStore,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(HOST_CONFIG) private readonly config: Pick<HostConfig, 'rateLimits'> = {},
  ) {}

  /** One of the host's named limits, as configured (tests set tiny ones) or from LIMITS. */
  host(name: keyof HostRateLimits): FixedWindowLimiter {
    return this.create(name, this.config.rateLimits?.[name] ?? DEFAULT_HOST_RATE_LIMITS[name]);
  }

  /** A limiter whose counters are named `name` (unique per limit: it is part of every key). */
  create(name: string, rule: WindowRule): FixedWindowLimiter {
    const counters = this.store.redis
      ? new StoreWindowCounters(
          new RateLimiterRedis({
            keyPrefix: `${this.store.keyPrefix}rate:${name}`,
            points: rule.points,
            duration: rule.windowSeconds + LIMITS.rateLimitKeyGraceSeconds,
            storeClient: this.store.redis,
          }),
        )
      : new MemoryWindowCounters();
    return new FixedWindowLimiter(counters, rule, this.clock);
  }
}
