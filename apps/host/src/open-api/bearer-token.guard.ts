import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Scope } from '../apps/scopes';
import { tooManyRequests } from '../common/problem-with-headers';
import { type FixedWindowLimiter, RateLimits } from '../shared-store/rate-limits';
import { Metrics } from '../metrics/metrics.service';
import { OAuthTokensService } from '../oauth/oauth-tokens.service';
import {
  insufficientScope,
  invalidToken,
  missingToken,
  tokenOutsideHeader,
  userSuspended,
} from './open-api-problem';
import { ANY_SCOPE, type OpenApiRequest, REQUIRED_SCOPE } from './open-api-request';
import { OpenApiUsage } from './open-api-usage';
import { OpenApiRateLimiter } from './rate-limiter';

/** RFC 6750 §2.1: `Bearer` (any case), one or more spaces, a token68. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

function carriesAccessTokenParameter(request: OpenApiRequest): boolean {
  const body: unknown = request.body;
  return (
    Object.hasOwn(request.query, 'access_token') ||
    (typeof body === 'object' && body !== null && Object.hasOwn(body, 'access_token'))
  );
}

/**
 * Admits an Open API request: an access token in the Authorization header only, still valid (the
 * OAuth module checks expiry, revocation, consent and the app's and the user's standing on every call), within its
 * rate limits, and granting the operation's scope; an address sending too many invalid tokens is refused first. Fails closed on an operation without a scope.
 * From the valid token on, the call counts in its app's usage with the status it is answered with.
 */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  /** Requests with an unknown, expired or malformed token per client address (only failures count). */
  private readonly invalidTokens: FixedWindowLimiter;

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: OAuthTokensService,
    private readonly limiter: OpenApiRateLimiter,
    private readonly usage: OpenApiUsage,
    rateLimits: RateLimits,
    private readonly metrics: Metrics,
  ) {
    this.invalidTokens = rateLimits.host('invalidTokensPerAddress');
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<OpenApiRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('RateLimit-Policy', this.limiter.policy);

    if (carriesAccessTokenParameter(request)) throw tokenOutsideHeader();
    const header = request.headers.authorization;
    if (!header || !/^Bearer(\s|$)/i.test(header)) throw missingToken();
    // An address that sent too many invalid tokens is refused before its token is even looked up.
    const address = request.ip ?? '';
    const failures = await this.invalidTokens.peek(address);
    if (!failures.allowed) {
      this.metrics.rejectedByRateLimit('invalid_token');
      throw tooManyRequests(
        'rate_limited',
        'Too many requests with invalid access tokens from this address; retry after the window resets',
        failures.resetSeconds,
      );
    }
    const token = BEARER.exec(header)?.[1];
    const access = token ? await this.tokens.verifyAccessToken(token) : null;
    if (access === 'user_suspended') throw userSuspended();
    if (!access) {
      await this.invalidTokens.consume(address);
      throw invalidToken();
    }
    const operation =
      this.reflector.get<{ operationId?: string } | undefined>(DECORATORS.API_OPERATION, context.getHandler())
        ?.operationId ?? context.getHandler().name;
    response.on('finish', () => this.usage.record(access.appId, operation, response.statusCode));

    const verdict = await this.limiter.consume(access);
    response.setHeader('RateLimit', verdict.header);
    if (!verdict.allowed) {
      this.metrics.rejectedByRateLimit('open_api');
      throw tooManyRequests(
        'rate_limited',
        `${verdict.rule ?? 'Too many requests'}; try again in ${verdict.resetSeconds} s`,
        verdict.resetSeconds,
      );
    }

    const scope = this.reflector.get<Scope | typeof ANY_SCOPE | undefined>(
      REQUIRED_SCOPE,
      context.getHandler(),
    );
    if (!scope) throw new Error(`Open API operation ${context.getHandler().name} declares no scope`);
    if (scope !== ANY_SCOPE && !access.scopes.includes(scope)) throw insufficientScope(scope);
    request.openApiAccess = access;
    return true;
  }
}
