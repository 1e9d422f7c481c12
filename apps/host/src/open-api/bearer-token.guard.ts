import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Scope } from '../apps/scopes';
import { OAuthTokensService } from '../oauth/oauth-tokens.service';
import {
  insufficientScope,
  invalidToken,
  missingToken,
  tokenOutsideHeader,
  tooManyRequests,
  userSuspended,
} from './open-api-problem';
import { type OpenApiRequest, REQUIRED_SCOPE } from './open-api-request';
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
 * rate limits, and granting the operation's scope. Fails closed on an operation without a scope.
 * From the valid token on, the call counts in its app's usage with the status it is answered with.
 */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: OAuthTokensService,
    private readonly limiter: OpenApiRateLimiter,
    private readonly usage: OpenApiUsage,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<OpenApiRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('RateLimit-Policy', this.limiter.policy);

    if (carriesAccessTokenParameter(request)) throw tokenOutsideHeader();
    const header = request.headers.authorization;
    if (!header || !/^Bearer(\s|$)/i.test(header)) throw missingToken();
    const token = BEARER.exec(header)?.[1];
    const access = token ? await this.tokens.verifyAccessToken(token) : null;
    if (access === 'user_suspended') throw userSuspended();
    if (!access) throw invalidToken();
    const operation =
      this.reflector.get<{ operationId?: string } | undefined>(DECORATORS.API_OPERATION, context.getHandler())
        ?.operationId ?? context.getHandler().name;
    response.on('finish', () => this.usage.record(access.appId, operation, response.statusCode));

    const verdict = this.limiter.consume(access.tokenId, access.builtIn ? null : access.appId);
    response.setHeader('RateLimit', verdict.header);
    if (!verdict.allowed) {
      throw tooManyRequests(
        'rate_limited',
        'Too many requests for this token or app; retry after the window resets',
        verdict.resetSeconds,
      );
    }

    const scope = this.reflector.get<Scope | undefined>(REQUIRED_SCOPE, context.getHandler());
    if (!scope) throw new Error(`Open API operation ${context.getHandler().name} declares no scope`);
    if (!access.scopes.includes(scope)) throw insufficientScope(scope);
    request.openApiAccess = access;
    return true;
  }
}
