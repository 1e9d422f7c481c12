import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import {
  type ErrorRequestHandler,
  type Express,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import type { RegisteredApp } from '../apps/apps.service';
import { type FixedWindowLimiter, RateLimits } from '../shared-store/rate-limits';
import { ClientAuthenticationError, ClientAuthenticator } from './client-authentication';
import { formField, parseForm } from '../common/pages';
import { tokenError } from './oauth-errors';
import { normalizeTokenError, OAuthServer } from './oauth-server';
import { OAuthTokensService } from './oauth-tokens.service';
import { Metrics } from '../metrics/metrics.service';

type ClientRequest = Request & { oauthClient: RegisteredApp };
type RouteHandler = RequestHandler | ErrorRequestHandler;

/** Token responses (and errors) carry credentials or reveal their state: never cache them (RFC 6749 §5.1). */
function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
  next();
}

/**
 * The client-facing endpoints: token (RFC 6749 §3.2), revocation (RFC 7009) and introspection
 * (RFC 7662). They speak OAuth's own form-in, JSON-out protocol (so they stay out of host.json) and use
 * nothing of Nest's request pipeline (no guard, pipe or filter: they are public and answer their own
 * errors), so they are plain Express routes that the host mounts before the JSON API's middleware and
 * routes: apps call them on every sign-in and, for introspection, on every request they serve.
 */
@Injectable()
export class TokenEndpoints {
  private readonly logger = new Logger('OAuth');
  /** Token requests per authenticated client (shared by every instance when the host has Redis). */
  private readonly clientRequests: FixedWindowLimiter;
  /** Each route's full path (metrics and logs label requests by it) and its handlers. */
  private readonly routes: [string, RouteHandler[]][] = [];

  constructor(
    private readonly server: OAuthServer,
    private readonly clients: ClientAuthenticator,
    private readonly tokens: OAuthTokensService,
    rateLimits: RateLimits,
    private readonly metrics: Metrics,
  ) {
    this.clientRequests = rateLimits.host('oauthTokenPerClient');
    this.route('/oauth/token', [this.authenticateClient, this.limitClient, this.server.token]);
    this.route('/oauth/revoke', [
      this.authenticateClient,
      async (req: Request, res: Response) => {
        await this.tokens.revoke((req as ClientRequest).oauthClient, this.requiredToken(req));
        res.status(200).end();
      },
    ]);
    this.route('/oauth/introspect', [
      this.authenticateClient,
      async (req: Request, res: Response) => {
        const answer = await this.tokens.introspect(
          (req as ClientRequest).oauthClient,
          this.requiredToken(req),
        );
        // Written as is: Express's res.json would parse the Content-Type back for its charset and hash the
        // body for an ETag that a no-store answer never uses (together ~5 % of an introspection).
        const body = JSON.stringify(answer);
        res
          .writeHead(200, {
            'Content-Type': 'application/json; charset=utf-8',
            'Content-Length': Buffer.byteLength(body),
          })
          .end(body);
      },
    ]);
  }

  /**
   * A POST route (full path, so metrics and logs label it as before) that runs `steps` on the request's
   * form and answers errors in OAuth's format.
   */
  private route(path: string, steps: RouteHandler[]): void {
    this.routes.push([path, [noStore, parseForm, ...steps, ...this.errors]]);
  }

  /**
   * Registers the routes on the Express application itself, not as a router of their own: a nested router
   * is one more dispatch that every request of the host would pass through.
   */
  mount(app: Express): void {
    for (const [path, handlers] of this.routes) app.post(path, ...handlers);
  }

  private requiredToken(request: Request): string {
    const token = formField(request, 'token');
    if (!token) throw tokenError('invalid_request', 'Missing required parameter: token');
    return token;
  }

  private readonly authenticateClient = async (request: Request, _response: Response, next: NextFunction) => {
    (request as ClientRequest).oauthClient = await this.clients.authenticate(request);
    next();
  };

  /**
   * Counts the request against its client's budget, or answers 429 with Retry-After in OAuth's error format:
   * `slow_down`, the token endpoint error registered for "the client is asking too often" (RFC 8628 §3.5).
   * Counted after client authentication, so nobody spends another client's budget by naming it.
   */
  private readonly limitClient = async (request: Request, response: Response, next: NextFunction) => {
    const count = await this.clientRequests.consume((request as ClientRequest).oauthClient.id);
    if (count.allowed) return next();
    this.metrics.rejectedByRateLimit('oauth_token');
    response
      .status(HttpStatus.TOO_MANY_REQUESTS)
      .set('Retry-After', String(count.resetSeconds))
      .json({
        error: 'slow_down',
        error_description: `Too many token requests for this client; retry after ${count.resetSeconds} seconds`,
      });
  };

  /** RFC 6749 §5.2 errors, with the Basic challenge when Basic credentials were refused. */
  private readonly errors = [
    (error: unknown, _request: Request, response: Response, next: NextFunction) => {
      if (error instanceof ClientAuthenticationError) {
        if (error.usedBasic) response.set('WWW-Authenticate', 'Basic realm="kongjian", charset="UTF-8"');
        next(error.error);
        return;
      }
      const normalized = normalizeTokenError(error);
      if (normalized.status >= 500)
        this.logger.error({ message: 'token endpoint failed', error: String(error) });
      next(normalized);
    },
    (error: unknown, request: Request, response: Response, next: NextFunction) =>
      this.server.tokenErrorResponse(error, request, response, next),
  ];
}
