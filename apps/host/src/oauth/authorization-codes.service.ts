import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import type { RegisteredApp } from '../apps/apps.service';
import { AuthorizationsService } from '../apps/authorizations.service';
import { normalizeScopes, type Scope } from '../apps/scopes';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { tokenError } from './oauth-errors';
import { OAuthRepository } from './oauth.repository';
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
    private readonly em: EntityManager,
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

  /** RFC 6749 §4.1.3 with RFC 7636 §4.6: the code, its client, redirect URI and PKCE verifier must all match. */
  async exchange(
    app: RegisteredApp,
    code: string,
    redirectUri: string | undefined,
    verifier: unknown,
  ): Promise<TokenResponse> {
    const outcome = await this.em.transactional(async () => {
      // The claim and the grant it creates commit together, so a racing exchange that finds the code
      // used also finds (and revokes) the winner's grant.
      const found = await this.repository.claimCode(hashSecret(code), this.clock.now());
      if (!found) return tokenError('invalid_grant', 'Unknown authorization code');
      if ('used' in found) {
        await this.tokens.revokeCodeGrants(found.used);
        return tokenError(
          'invalid_grant',
          'This code was already used; the tokens issued from it are revoked',
        );
      }
      const { claimed } = found;
      if (claimed.appId !== app.id)
        return tokenError('invalid_grant', 'This code was issued to another client');
      if (claimed.expiresAt.getTime() <= this.clock.now().getTime()) {
        return tokenError('invalid_grant', 'This code has expired');
      }
      const redirectMatches = claimed.redirectUriInRequest
        ? redirectUri === claimed.redirectUri
        : redirectUri === undefined || redirectUri === claimed.redirectUri;
      if (!redirectMatches) {
        return tokenError('invalid_grant', 'redirect_uri must be the one used in the authorization request');
      }
      if (!verifierMatches(verifier, claimed.codeChallenge)) {
        return tokenError('invalid_grant', 'code_verifier does not match the code_challenge');
      }
      const state = await this.authorizations.accessState(app.id, claimed.userId);
      if (!state) return tokenError('invalid_grant', 'The user has withdrawn consent');
      if (state.appStatus === 'suspended') return tokenError('unauthorized_client', 'This app is suspended');
      if (state.userSuspended) return tokenError('invalid_grant', "The user's account is suspended");
      const scopes = normalizeScopes(claimed.scopes).filter((scope) => state.scopes.includes(scope));
      return this.tokens.createGrant(app, claimed.userId, claimed.id, scopes, state.openid);
    });
    // Refusals are returned from the transaction rather than thrown, so burning the code and revoking a
    // replayed code's tokens commit.
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }
}
