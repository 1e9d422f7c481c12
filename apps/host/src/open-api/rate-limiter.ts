import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { APP_CONFIG, type AppConfig, type OpenApiRateLimits } from '../config/config';

export interface RateLimitVerdict {
  allowed: boolean;
  /** The `RateLimit` header (IETF httpapi ratelimit-headers draft): what is left of each quota. */
  header: string;
  /** Seconds until the current window ends, when the counts start again. */
  resetSeconds: number;
}

/** An app's budget now: the limits, and what is left of the app's in the current window. */
export interface RateLimitBudget {
  windowSeconds: number;
  tokenRequestsPerWindow: number;
  appRequestsPerWindow: number;
  appRequestsLeft: number;
  /** Seconds until the current window ends, when the counts start again. */
  resetSeconds: number;
}

interface Counter {
  windowStart: number;
  count: number;
}

/**
 * Open API rate limits: a fixed window per access token and per app, counted in this process's
 * memory. Each host instance counts on its own (see LIMITS.openApiTokenRequestsPerWindow); shared
 * counters (e.g. Redis) can replace this class when several instances must share one budget.
 */
@Injectable()
export class OpenApiRateLimiter {
  private readonly limits: OpenApiRateLimits;
  private readonly counters = new Map<string, Counter>();
  /** Counters of finished windows are dropped once per window, so memory follows active tokens. */
  private sweptWindowStart = 0;
  /** The `RateLimit-Policy` header: the same on every response. */
  readonly policy: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    this.limits = config.openApiRateLimits ?? {
      tokenRequestsPerWindow: LIMITS.openApiTokenRequestsPerWindow,
      appRequestsPerWindow: LIMITS.openApiAppRequestsPerWindow,
      windowSeconds: LIMITS.openApiRateWindowSeconds,
    };
    const { tokenRequestsPerWindow, appRequestsPerWindow, windowSeconds } = this.limits;
    this.policy = `"token";q=${tokenRequestsPerWindow};w=${windowSeconds}, "app";q=${appRequestsPerWindow};w=${windowSeconds}`;
  }

  /**
   * Counts one request against the token and its app, unless either has none left in this window.
   * `appId` is null for built-in plugins: one plugin app serves every user of the platform, so an
   * app-wide budget meant to bound one third-party app would throttle all of them together; their
   * per-token budget (one token per user) still applies.
   */
  consume(tokenId: string, appId: string | null): RateLimitVerdict {
    const { windowStart, resetSeconds } = this.window();
    this.sweep(windowStart);
    const token = this.counter(`token:${tokenId}`, windowStart);
    const app = appId === null ? undefined : this.counter(`app:${appId}`, windowStart);
    const allowed =
      token.count < this.limits.tokenRequestsPerWindow &&
      (!app || app.count < this.limits.appRequestsPerWindow);
    if (allowed) {
      token.count += 1;
      if (app) app.count += 1;
    }
    const tokenLeft = Math.max(0, this.limits.tokenRequestsPerWindow - token.count);
    const appLeft = Math.max(0, this.limits.appRequestsPerWindow - (app?.count ?? 0));
    return {
      allowed,
      header: `"token";r=${tokenLeft};t=${resetSeconds}, "app";r=${appLeft};t=${resetSeconds}`,
      resetSeconds,
    };
  }

  /** The app's budget as this instance counts it (each instance counts its own share of the traffic). */
  budget(appId: string): RateLimitBudget {
    const { windowStart, resetSeconds } = this.window();
    const counter = this.counters.get(`app:${appId}`);
    const used = counter?.windowStart === windowStart ? counter.count : 0;
    return {
      windowSeconds: this.limits.windowSeconds,
      tokenRequestsPerWindow: this.limits.tokenRequestsPerWindow,
      appRequestsPerWindow: this.limits.appRequestsPerWindow,
      appRequestsLeft: Math.max(0, this.limits.appRequestsPerWindow - used),
      resetSeconds,
    };
  }

  /** The current fixed window: when it started, and the seconds until it ends (at least 1). */
  private window(): { windowStart: number; resetSeconds: number } {
    const windowMs = this.limits.windowSeconds * 1000;
    const now = this.clock.now().getTime();
    const windowStart = now - (now % windowMs);
    return { windowStart, resetSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) };
  }

  private counter(key: string, windowStart: number): Counter {
    let counter = this.counters.get(key);
    if (!counter || counter.windowStart !== windowStart) {
      counter = { windowStart, count: 0 };
      this.counters.set(key, counter);
    }
    return counter;
  }

  private sweep(windowStart: number): void {
    if (windowStart === this.sweptWindowStart) return;
    this.sweptWindowStart = windowStart;
    for (const [key, counter] of this.counters) {
      if (counter.windowStart < windowStart) this.counters.delete(key);
    }
  }
}
