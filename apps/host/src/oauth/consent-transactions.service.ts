import { randomBytes, timingSafeEqual } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthenticatedRequest } from '../accounts/auth.decorators';
import { AppsService, type RegisteredApp } from '../apps/apps.service';
import type { Scope } from '../apps/scopes';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { AuthorizationPageError } from './oauth-errors';
import { OAuthRepository } from './oauth.repository';
import { type PageTextKey } from '../common/pages';
import { hashSecret } from './oauth-tokens.service';

/** The validated authorization request, as oauth2orize's `req.oauth2.req`. */
export interface AuthorizationRequest {
  type: string;
  clientID: string;
  redirectURI?: string;
  /** Whether the client named the redirect URI (then its token request must repeat it). */
  redirectUriInRequest: boolean;
  scope: Scope[];
  state?: string;
  codeChallenge: string;
}

/** oauth2orize's transaction (`req.oauth2`) as this server fills it. */
export interface OAuthTransaction {
  transactionID?: string;
  client: RegisteredApp;
  redirectURI: string;
  req: AuthorizationRequest;
  user?: AuthenticatedRequest['viewer'];
  locals?: { csrfToken?: string };
}

interface StoredRequest {
  redirectURI: string;
  req: AuthorizationRequest;
}

type Callback<T> = (error: Error | null, value?: T) => void;

function forged(message: PageTextKey): AuthorizationPageError {
  return new AuthorizationPageError(HttpStatus.FORBIDDEN, 'consent.refused.title', message);
}

function bodyField(request: Request, name: string): string | undefined {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * oauth2orize's transaction store, kept in the database instead of a server-side session: a consent
 * page's pending request is bound to the browser session that opened it and carries a CSRF token
 * (stored hashed). A decision is accepted once, from that session, with that token; anything else
 * is refused and changes nothing.
 */
@Injectable()
export class ConsentTransactionStore {
  constructor(
    private readonly repository: OAuthRepository,
    private readonly apps: AppsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  store(request: AuthenticatedRequest, transaction: OAuthTransaction, done: Callback<string>): void {
    this.save(request, transaction).then((id) => done(null, id), done);
  }

  load(request: AuthenticatedRequest, done: Callback<OAuthTransaction>): void {
    this.claim(request).then((transaction) => done(null, transaction), done);
  }

  /** The transaction is deleted when it is claimed (see `claim`), so there is nothing left to remove. */
  remove(_request: Request, _id: string, done: Callback<void>): void {
    done(null);
  }

  private async save(request: AuthenticatedRequest, transaction: OAuthTransaction): Promise<string> {
    const viewer = request.viewer;
    if (!viewer) throw new Error('A consent transaction needs a signed-in user');
    const id = randomBytes(16).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const stored: StoredRequest = { redirectURI: transaction.redirectURI, req: transaction.req };
    await this.repository.insertConsentTransaction({
      id,
      sessionId: viewer.sessionId,
      userId: viewer.id,
      appId: transaction.client.id,
      csrfHash: hashSecret(csrfToken),
      request: stored,
      expiresAt: new Date(now.getTime() + LIMITS.oauthTransactionTtlSeconds * 1000),
    });
    transaction.locals = { ...transaction.locals, csrfToken };
    return id;
  }

  private async claim(request: AuthenticatedRequest): Promise<OAuthTransaction> {
    const viewer = request.viewer;
    if (!viewer) throw forged('consent.refused.signedOut');
    const id = bodyField(request, 'transaction_id');
    const csrfToken = bodyField(request, 'csrf_token');
    if (!id || !csrfToken) throw forged('consent.refused.incomplete');
    const row = await this.repository.findConsentTransaction(
      id,
      viewer.sessionId,
      viewer.id,
      this.clock.now(),
    );
    if (!row) throw forged('consent.refused.expired');
    const expected = Buffer.from(row.csrfHash, 'hex');
    if (!timingSafeEqual(expected, Buffer.from(hashSecret(csrfToken), 'hex'))) {
      throw forged('consent.refused.forged');
    }
    // Deleting is the claim: of two decisions racing for one transaction, only one gets the row.
    if (!(await this.repository.deleteConsentTransaction(id))) throw forged('consent.refused.answered');
    const app = await this.apps.findById(row.appId);
    if (!app || app.status === 'suspended') throw forged('consent.refused.unavailable');
    const stored = row.request as StoredRequest;
    return { transactionID: id, client: app, redirectURI: stored.redirectURI, req: stored.req, user: viewer };
  }
}
