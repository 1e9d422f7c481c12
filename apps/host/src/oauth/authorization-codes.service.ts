import { Inject, Injectable } from '@nestjs/common';
import type { RegisteredApp } from '../apps/apps.service';
import { type AccessState, AuthorizationsService } from '../apps/authorizations.service';
import { normalizeScopes, type Scope } from '../apps/scopes';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { tokenError } from './oauth-errors';
import { type AuthorizationCode, OAuthRepository } from './oauth.repository';
import { hashSecret, newSecret, OAuthTokensService, type TokenResponse } from './oauth-tokens.service';
import { verifierMatches } from './pkce';

export interface CodeRequest {
  app: RegisteredApp;
  userId: string;
  scopes: Scope[];
  redirectUri: string;
  /** Whether the authorization request named the redirect URI; then the token request must repeat it. */
  redirectUriInRequest: boolean;
  codeChallenge: string;
}

/**
 * Authorization codes: random, stored hashed, valid for a minute and usable once. Every exchange attempt
 * burns the code; a second attempt means it leaked, so every token issued from it is revoked.
 */
@Injectable()
export class AuthorizationCodesService {
  constructor(
    private readonly repository: OAuthRepository,
    private readonly tokens: OAuthTokensService,
    private readonly authorizations: AuthorizationsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async issue(request: CodeRequest): Promise<string> {
    const code = newSecret('kjg_');
    const now = this.clock.now();
    await this.repository.insertCode(
      hashSecret(code),
      {
        appId: request.app.id,
        userId: request.userId,
        scopes: request.scopes,
        redirectUri: request.redirectUri,
        redirectUriInRequest: request.redirectUriInRequest,
        codeChallenge: request.codeChallenge,
        expiresAt: new Date(now.getTime() + LIMITS.oauthCodeTtlSeconds * 1000),
      },
      now,
    );
    return code;
  }

  /**
   * RFC 6749 §4.1.3 with RFC 7636 §4.6: the code, its client, redirect URI and PKCE verifier must all match.
   * A refused attempt burns the code; the tokens are stored with the code marked used in one statement, so
   * of two exchanges at once one wins and the other finds the code used — and revokes the winner's grant.
   */
  async exchange(
    app: RegisteredApp,
    code: string,
    redirectUri: string | undefined,
    verifier: unknown,
  ): Promise<TokenResponse> {
    const found = await this.repository.findCode(hashSecret(code));
    if (!found) throw tokenError('invalid_grant', 'Unknown authorization code');
    if (found.used) throw await this.replayed(found.id);
    const outcome = await this.check(app, found, redirectUri, verifier);
    if (outcome instanceof Error) {
      if (!(await this.repository.burnCode(found.id, this.clock.now()))) throw await this.replayed(found.id);
      throw outcome;
    }
    const scopes = normalizeScopes(found.scopes).filter((scope) => outcome.scopes.includes(scope));
    const issued = await this.tokens.createGrant(app, found.userId, found.id, scopes, outcome.openid);
    if (!issued) throw await this.replayed(found.id);
    return issued;
  }

  /** Why this exchange of an unused code is refused, or the consent it goes on. */
  private async check(
    app: RegisteredApp,
    code: AuthorizationCode,
    redirectUri: string | undefined,
    verifier: unknown,
  ): Promise<Error | AccessState> {
    if (code.appId !== app.id) return tokenError('invalid_grant', 'This code was issued to another client');
    if (code.expiresAt.getTime() <= this.clock.now().getTime()) {
      return tokenError('invalid_grant', 'This code has expired');
    }
    const redirectMatches = code.redirectUriInRequest
      ? redirectUri === code.redirectUri
      : redirectUri === undefined || redirectUri === code.redirectUri;
    if (!redirectMatches) {
      return tokenError('invalid_grant', 'redirect_uri must be the one used in the authorization request');
    }
    if (!verifierMatches(verifier, code.codeChallenge)) {
      return tokenError('invalid_grant', 'code_verifier does not match the code_challenge');
    }
    const state = await this.authorizations.currentAccessState(app.id, code.userId);
    if (!state) return tokenError('invalid_grant', 'The user has withdrawn consent');
    if (state.appStatus === 'suspended') return tokenError('unauthorized_client', 'This app is suspended');
    if (state.userSuspended) return tokenError('invalid_grant', "The user's account is suspended");
    return state;
  }

  /** A used code presented again: it leaked, so every token issued from it is revoked. */
  private async replayed(codeId: string): Promise<Error> {
    await this.tokens.revokeCodeGrants(codeId);
    return tokenError('invalid_grant', 'This code was already used; the tokens issued from it are revoked');
  }
}
