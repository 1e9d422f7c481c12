import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import oauth2orize, { AuthorizationError, OAuth2Error } from 'oauth2orize';
import type { AuthUser } from '../accounts/auth-user';
import { AppsService, type RegisteredApp } from '../apps/apps.service';
import { AuthorizationsService } from '../apps/authorizations.service';
import { isScope, normalizeScopes, type Scope } from '../apps/scopes';
import { LIMITS } from '../common/limits';
import { sizeText } from '../common/text';
import { HOST_CONFIG, type HostConfig } from '../config/config';
import { AuthorizationCodesService } from './authorization-codes.service';
import {
  ConsentTransactionStore,
  type AuthorizationRequest,
  type OAuthTransaction,
} from './consent-transactions.service';
import { AuthorizationPageError, authorizationError, tokenError } from './oauth-errors';
import { OAuthTokensService, type TokenResponse } from './oauth-tokens.service';
import { pkceExtension, pkceProblem, type PkceRequest } from './pkce';
import { matchRedirectUri } from './redirect-uri';

/** The authorization endpoint met an anonymous visitor: it shows the sign-in page instead of consent. */
export class SignInRequired extends Error {
  constructor(readonly app: RegisteredApp) {
    super('Sign in first');
  }
}

/** What the user (or their remembered consent) decided, as oauth2orize's `req.oauth2.res`. */
interface Decision {
  allow: boolean;
  scope?: Scope[];
  /** Consent given earlier covers the request: nothing new to record. */
  remembered?: boolean;
}

type Middleware = (req: Request, res: Response, next: NextFunction) => void;
type ErrorMiddleware = (error: unknown, req: Request, res: Response, next: NextFunction) => void;
type Done<T extends unknown[]> = (error: Error | null, ...values: T) => void;
/** oauth2orize inspects its callbacks' arity, so they are passed as plain functions of the right length. */
type Callback = (...args: never[]) => void;

/** The part of oauth2orize's server used here; its published types do not describe grant modules. */
interface Oauth2orizeServer {
  grant(module: object): void;
  exchange(type: string, exchange: Middleware): void;
  authorization(options: object, validate: Callback, immediate: Callback): Middleware;
  decision(options: object, parse: Callback): Middleware[];
  token(): Middleware;
  errorHandler(options?: object): ErrorMiddleware;
}

const codeGrant = oauth2orize.grant.code as unknown as (options: object, issue: Callback) => object;
const codeExchange = oauth2orize.exchange.authorizationCode as unknown as (
  options: object,
  issue: Callback,
) => Middleware;
const refreshExchange = oauth2orize.exchange.refreshToken as unknown as (
  options: object,
  issue: Callback,
) => Middleware;

/** Settles an oauth2orize callback from a promise (its callbacks predate async functions). */
function settle<T extends unknown[]>(work: Promise<T>, done: Done<T>): void {
  work.then(
    (values) => done(null, ...values),
    (error: unknown) =>
      (done as unknown as (error: Error) => void)(error instanceof Error ? error : new Error(String(error))),
  );
}

/** A token response as oauth2orize's exchanges take it: access token, refresh token, other parameters. */
function exchangeResult({ access_token, refresh_token, ...params }: TokenResponse): [string, string, object] {
  return [access_token, refresh_token, params];
}

function bodyStrings(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * The oauth2orize server: the authorization code grant with required PKCE S256, and the
 * authorization_code and refresh_token exchanges. Nothing else is registered, so the implicit grant
 * and the password grant do not exist. Every authorization response carries `iss` (RFC 9207).
 */
@Injectable()
export class OAuthServer {
  private readonly server: Oauth2orizeServer;

  readonly authorize: Middleware;
  readonly decision: Middleware[];
  readonly token: Middleware;
  /** Redirects the error to the client when its redirect URI is known; otherwise passes it on. */
  readonly redirectError: ErrorMiddleware;
  /** Writes an RFC 6749 §5.2 JSON error. */
  readonly tokenErrorResponse: ErrorMiddleware;

  constructor(
    private readonly em: EntityManager,
    private readonly apps: AppsService,
    private readonly authorizations: AuthorizationsService,
    private readonly codes: AuthorizationCodesService,
    private readonly tokens: OAuthTokensService,
    store: ConsentTransactionStore,
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
  ) {
    this.server = oauth2orize.createServer({ store }) as unknown as Oauth2orizeServer;
    const respondWithIssuer = this.respondWithIssuer();
    this.server.grant(
      codeGrant(
        { modes: { query: respondWithIssuer } },
        (
          client: RegisteredApp,
          redirectUri: string,
          user: AuthUser,
          decision: Decision,
          request: AuthorizationRequest,
          _locals: unknown,
          issued: Done<[string]>,
        ) => settle(this.issueCode(client, redirectUri, user, decision, request), issued),
      ),
    );
    this.server.grant(pkceExtension());

    const asClient = { userProperty: 'oauthClient' };
    this.server.exchange(
      'authorization_code',
      codeExchange(
        asClient,
        (
          client: RegisteredApp,
          code: string,
          redirectUri: unknown,
          body: Record<string, unknown>,
          issued: Done<[string, string, object]>,
        ) =>
          settle(
            this.codes
              .exchange(
                client,
                code,
                typeof redirectUri === 'string' ? redirectUri : undefined,
                body.code_verifier,
              )
              .then(exchangeResult),
            issued,
          ),
      ),
    );
    this.server.exchange(
      'refresh_token',
      refreshExchange(
        asClient,
        (
          client: RegisteredApp,
          refreshToken: string,
          scope: string[] | undefined,
          issued: Done<[string, string, object]>,
        ) => settle(this.tokens.refresh(client, refreshToken, scope).then(exchangeResult), issued),
      ),
    );

    const asViewer = { userProperty: 'viewer' };
    this.authorize = this.server.authorization(
      asViewer,
      (request: AuthorizationRequest & PkceRequest, validated: Done<[RegisteredApp?, string?]>) => {
        // A refusal found after the client and redirect URI check out is handed over with them, so
        // oauth2orize redirects it to the client; earlier ones come without and become a page.
        this.validate(request).then(
          ({ app, redirectUri, refusal }) => validated(refusal ?? null, app, redirectUri),
          (error: Error) => validated(error),
        );
      },
      (
        client: RegisteredApp,
        user: AuthUser | undefined,
        scope: Scope[],
        _type: string,
        _request: unknown,
        immediated: Done<[boolean, Decision?]>,
      ) => settle(this.immediate(client, user, scope), immediated),
    );
    this.decision = this.server.decision(
      asViewer,
      (request: Request & { oauth2: OAuthTransaction }, parsed: Done<[Decision]>) =>
        settle(this.parseDecision(request), parsed),
    );
    this.token = this.server.token();
    this.redirectError = this.server.errorHandler({
      mode: 'indirect',
      // Never the fragment: this server only answers in the query, where `iss` goes too.
      fragment: [],
      modes: { query: respondWithIssuer },
    });
    this.tokenErrorResponse = this.server.errorHandler();
  }

  /** The query response mode with the issuer added, so clients can tell which server answered (mix-up attacks). */
  private respondWithIssuer() {
    const issuer = this.config.publicUrl;
    const respond = (
      transaction: { redirectURI: string },
      res: Response,
      params: Record<string, unknown>,
    ) => {
      const target = new URL(transaction.redirectURI);
      for (const [name, value] of Object.entries({ ...params, iss: issuer })) {
        target.searchParams.set(name, String(value));
      }
      res.redirect(target.toString());
    };
    respond.validate = (transaction: { redirectURI?: string }) => {
      if (!transaction.redirectURI) throw new AuthorizationError('No redirect URI', 'server_error');
    };
    return respond;
  }

  /**
   * The checks of an authorization request, in order. Until the client and its redirect URI are known
   * good, errors are pages (never redirects); after that they go back to the client.
   */
  private async validate(
    request: AuthorizationRequest & PkceRequest,
  ): Promise<{ app: RegisteredApp; redirectUri: string; refusal?: Error }> {
    const app = await this.apps.findByClientId(request.clientID);
    if (!app) {
      throw new AuthorizationPageError(
        HttpStatus.BAD_REQUEST,
        'authorize.unknownApp.title',
        'authorize.unknownApp.message',
      );
    }
    const requestedUri: unknown = request.redirectURI;
    // RFC 6749 §3.1.2.3: the redirect URI may be left out only when exactly one is registered.
    let redirectUri: string | null = null;
    if (requestedUri === undefined) {
      if (app.redirectUris.length === 1) redirectUri = app.redirectUris[0];
    } else if (typeof requestedUri === 'string') {
      redirectUri = matchRedirectUri(app.redirectUris, requestedUri);
    }
    if (redirectUri === null) {
      throw new AuthorizationPageError(
        HttpStatus.BAD_REQUEST,
        'authorize.redirectUri.title',
        'authorize.redirectUri.message',
        { app: app.name },
      );
    }
    if (app.status === 'suspended') {
      throw new AuthorizationPageError(
        HttpStatus.FORBIDDEN,
        'authorize.suspended.title',
        'authorize.suspended.message',
        { app: app.name },
      );
    }
    const refuse = (refusal: Error) => ({ app, redirectUri, refusal });
    const pkce = pkceProblem(request);
    if (pkce) return refuse(pkce);
    // oauth2orize splits a non-empty scope into a list; an empty one means "what the app registered".
    const asked: string[] = Array.isArray(request.scope) ? request.scope : app.scopes;
    const unknown = asked.filter((scope) => !isScope(scope) || !app.scopes.includes(scope));
    if (asked.length === 0 || unknown.length > 0) {
      return refuse(
        authorizationError(
          'invalid_scope',
          `scope may name only scopes this app registered: ${app.scopes.join(' ')}`,
        ),
      );
    }
    request.scope = normalizeScopes(asked as Scope[]);
    request.redirectUriInRequest = requestedUri !== undefined;
    // The code grant issues with `req.redirectURI`; make it the URI actually used, also when it was left out.
    request.redirectURI = redirectUri;
    return { app, redirectUri };
  }

  /** Skips the consent page when earlier consent covers every scope asked for. */
  private async immediate(
    client: RegisteredApp,
    user: AuthUser | undefined,
    scopes: Scope[],
  ): Promise<[boolean, Decision?]> {
    if (!user) throw new SignInRequired(client);
    if (!(await this.apps.mayAuthorize(client, user.id))) throw this.developmentModeRefusal();
    const remembered = await this.authorizations.active(client.id, user.id);
    if (remembered && scopes.every((scope) => remembered.scopes.includes(scope))) {
      return [true, { allow: true, scope: scopes, remembered: true }];
    }
    return [false];
  }

  private developmentModeRefusal(): Error {
    return authorizationError(
      'access_denied',
      'This app is in development: only its developers and testers may use it',
    );
  }

  /** Required scopes are always granted; optional ones only if their box stayed ticked. */
  private async parseDecision(request: Request & { oauth2: OAuthTransaction }): Promise<[Decision]> {
    const { client, req: asked } = request.oauth2;
    const viewer = request.oauth2.user;
    if (!viewer || !(await this.apps.mayAuthorize(client, viewer.id))) throw this.developmentModeRefusal();
    if (bodyStrings(request.body, 'decision')[0] !== 'allow') return [{ allow: false }];
    const ticked = new Set(bodyStrings(request.body, 'scope'));
    const scope = asked.scope.filter((item) => !client.optionalScopes.includes(item) || ticked.has(item));
    return [{ allow: true, scope }];
  }

  private async issueCode(
    client: RegisteredApp,
    redirectUri: string,
    user: AuthUser,
    decision: Decision,
    request: AuthorizationRequest,
  ): Promise<[string]> {
    const scopes = decision.scope ?? [];
    const code = await this.em.transactional(async () => {
      if (!decision.remembered) await this.authorizations.grant(client.id, user.id, scopes, request.scope);
      return this.codes.issue({
        app: client,
        userId: user.id,
        scopes,
        redirectUri,
        redirectUriInRequest: request.redirectUriInRequest,
        codeChallenge: request.codeChallenge,
      });
    });
    return [code];
  }
}

/** oauth2orize reports some errors with the wrong status for RFC 6749 (501, 403); the RFC says 400. */
export function normalizeTokenError(error: unknown): OAuth2Error {
  if (error instanceof OAuth2Error) {
    if (error.status !== 401 && error.status < 500) error.status = 400;
    // oauth2orize says "Unsupported grant type: undefined" when grant_type is missing.
    if (error.code === 'unsupported_grant_type') {
      return tokenError('unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
    }
    return error;
  }
  const { status, type } = error as { status?: unknown; type?: unknown };
  if (type === 'entity.too.large') {
    return tokenError(
      'invalid_request',
      `The request body must be at most ${sizeText(LIMITS.oauthFormBytes)}`,
    );
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return tokenError('invalid_request', 'The request body could not be read as a form');
  }
  return new OAuth2Error('Internal error', 'server_error', undefined, 500);
}
