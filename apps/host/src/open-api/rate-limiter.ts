import { Inject, Injectable } from '@nestjs/common';
import { LIMITS } from '../common/limits';
import { HOST_CONFIG, type HostConfig, type OpenApiRateLimits } from '../config/config';
import type { AccessContext } from '../access-context/access-context';
import { type FixedWindowLimiter, RateLimits, type WindowCount } from '../shared-store/rate-limits';

export interface RateLimitVerdict {
  allowed: boolean;
  /** The `RateLimit` header (IETF httpapi ratelimit-headers draft): what is left of each quota. */
  header: string;
  /** Seconds until the current window ends, when the counts start again. */
  resetSeconds: number;
  /** When refused, the rule the request would break, e.g. "An access token may make 600 requests per 60 s". */
  rule?: string;
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

/** One budget of requests in the current window, and when the window ends and the count starts again. */
export interface WindowBudget {
  limit: number;
  remaining: number;
  resetsAt: Date;
}

/** What a token and its app have left in the current window. */
export interface RateLimitState {
  windowSeconds: number;
  token: WindowBudget;
  /** Null for built-in plugins, whose calls count against their tokens only (see budgetedApp). */
  app: WindowBudget | null;
}

/** Who makes a request: its token, and the app the token belongs to. */
export type RateLimitedCaller = Pick<AccessContext, 'tokenId' | 'appId' | 'builtIn'>;

/**
 * The app whose budget a request counts against; null for built-in plugins: one plugin app serves every
 * user of the platform, so an app-wide budget meant to bound one third-party app would throttle all of
 * them together; their per-token budget (one token per user) still applies.
 */
const budgetedApp = (caller: RateLimitedCaller): string | null => (caller.builtIn ? null : caller.appId);

/**
 * Open API rate limits: a fixed window per access token and per app, counted by the shared rate limiters (in
 * Redis when the host has it, so every instance spends one budget; in memory otherwise). A request counts
 * against both budgets or neither: the token's is spent first, and given back when the app's refuses.
 */
@Injectable()
export class OpenApiRateLimiter {
  private readonly limits: OpenApiRateLimits;
  private readonly tokens: FixedWindowLimiter;
  private readonly apps: FixedWindowLimiter;
  /** The `RateLimit-Policy` header: the same on every response. */
  readonly policy: string;

  constructor(@Inject(HOST_CONFIG) config: HostConfig, rateLimits: RateLimits) {
    this.limits = config.openApiRateLimits ?? {
      tokenRequestsPerWindow: LIMITS.openApiTokenRequestsPerWindow,
      appRequestsPerWindow: LIMITS.openApiAppRequestsPerWindow,
      windowSeconds: LIMITS.openApiRateWindowSeconds,
    };
    const { tokenRequestsPerWindow, appRequestsPerWindow, windowSeconds } = this.limits;
    this.tokens = rateLimits.create('open-api-token', { points: tokenRequestsPerWindow, windowSeconds });
    this.apps = rateLimits.create('open-api-app', { points: appRequestsPerWindow, windowSeconds });
    this.policy = `"token";q=${tokenRequestsPerWindow};w=${windowSeconds}, "app";q=${appRequestsPerWindow};w=${windowSeconds}`;
  }

  /** Counts one request against the token and its app, unless either has none left in this window. */
  async consume(caller: RateLimitedCaller): Promise<RateLimitVerdict> {
    const appId = budgetedApp(caller);
    const token = await this.tokens.consume(caller.tokenId);
    let app: WindowCount | null = null;
    if (appId !== null) {
      // A request the token's budget refused never reaches the app's; one the app's refuses is given back.
      app = token.allowed ? await this.apps.consume(appId) : await this.apps.peek(appId);
      if (token.allowed && !app.allowed) {
        await this.tokens.refund(caller.tokenId);
        token.remaining = Math.min(token.limit, token.remaining + 1);
      }
    }
    const allowed = token.allowed && (app?.allowed ?? true);
    const { tokenRequestsPerWindow, appRequestsPerWindow, windowSeconds } = this.limits;
    // The header keeps the policy's shape for built-in plugins too: their app budget is never touched.
    const appLeft = app?.remaining ?? this.limits.appRequestsPerWindow;
    const t = token.resetSeconds;
    return {
      allowed,
      header: `"token";r=${token.remaining};t=${t}, "app";r=${appLeft};t=${t}`,
      resetSeconds: t,
      ...(allowed
        ? {}
        : {
            rule: !token.allowed
              ? `An access token may make ${tokenRequestsPerWindow} requests per ${windowSeconds} s`
              : `An app may make ${appRequestsPerWindow} requests per ${windowSeconds} s with all its tokens`,
          }),
    };
  }

  /**
   * What the token and its app have left in this window: the counters `consume` keeps (and tells in the
   * `RateLimit` header), read without counting anything.
   */
  async peek(caller: RateLimitedCaller): Promise<RateLimitState> {
    const appId = budgetedApp(caller);
    const [token, app] = await Promise.all([
      this.tokens.peek(caller.tokenId),
      appId === null ? null : this.apps.peek(appId),
    ]);
    return { windowSeconds: this.limits.windowSeconds, token: budget(token), app: app && budget(app) };
  }

  /** The app's budget: what is left of it in this window, over every instance when they share Redis. */
  async budget(appId: string): Promise<RateLimitBudget> {
    const app = await this.apps.peek(appId);
    return {
      windowSeconds: this.limits.windowSeconds,
      tokenRequestsPerWindow: this.limits.tokenRequestsPerWindow,
      appRequestsPerWindow: this.limits.appRequestsPerWindow,
      appRequestsLeft: app.remaining,
      resetSeconds: app.resetSeconds,
    };
  }
}

const budget = ({ limit, remaining, resetsAt }: WindowCount): WindowBudget => ({
  limit,
  remaining,
  resetsAt,
});
