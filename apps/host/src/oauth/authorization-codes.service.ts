import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import type { RegisteredApp } from '../apps/apps.service';
import { AuthorizationsService } from '../apps/authorizations.service';
import { normalizeScopes, type Scope } from '../apps/scopes';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import { sqlRows, sqlRun } from '../database/sql';
import { tokenError } from './oauth-errors';
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

interface ClaimedCode {
  id: string;
  app_id: string;
  user_id: string;
  scopes: Scope[];
  redirect_uri: string;
  redirect_uri_in_request: boolean;
  code_challenge: string;
  expires_at: Date | string;
}

/**
 * Authorization codes: random, stored hashed, valid for a minute and usable once. Every exchange attempt
 * burns the code; a second attempt means it leaked, so every token issued from it is revoked.
 */
@Injectable()
export class AuthorizationCodesService {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: OAuthTokensService,
    private readonly authorizations: AuthorizationsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async issue(request: CodeRequest): Promise<string> {
    const code = newSecret('kjg_');
    const now = this.clock.now();
    await sqlRun(
      this.em,
      `insert into oauth_code (id, code_hash, app_id, user_id, scopes, redirect_uri, redirect_uri_in_request,
         code_challenge, created_at, expires_at)
       values (?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?)`,
      [
        newId(),
        hashSecret(code),
        request.app.id,
        request.userId,
        `{${request.scopes.join(',')}}`,
        request.redirectUri,
        request.redirectUriInRequest,
        request.codeChallenge,
        now,
        new Date(now.getTime() + LIMITS.oauthCodeTtlSeconds * 1000),
      ],
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
      const [claimed] = await sqlRows<ClaimedCode>(
        this.em,
        `update oauth_code set used_at = ? where code_hash = ? and used_at is null
         returning id, app_id, user_id, scopes, redirect_uri, redirect_uri_in_request, code_challenge, expires_at`,
        [this.clock.now(), hashSecret(code)],
      );
      if (!claimed) {
        const [used] = await sqlRows<{ id: string }>(
          this.em,
          'select id from oauth_code where code_hash = ?',
          [hashSecret(code)],
        );
        if (!used) return tokenError('invalid_grant', 'Unknown authorization code');
        await this.tokens.revokeCodeGrants(used.id);
        return tokenError(
          'invalid_grant',
          'This code was already used; the tokens issued from it are revoked',
        );
      }
      if (claimed.app_id !== app.id)
        return tokenError('invalid_grant', 'This code was issued to another client');
      if (new Date(claimed.expires_at).getTime() <= this.clock.now().getTime()) {
        return tokenError('invalid_grant', 'This code has expired');
      }
      const redirectMatches = claimed.redirect_uri_in_request
        ? redirectUri === claimed.redirect_uri
        : redirectUri === undefined || redirectUri === claimed.redirect_uri;
      if (!redirectMatches) {
        return tokenError('invalid_grant', 'redirect_uri must be the one used in the authorization request');
      }
      if (!verifierMatches(verifier, claimed.code_challenge)) {
        return tokenError('invalid_grant', 'code_verifier does not match the code_challenge');
      }
      const state = await this.authorizations.accessState(app.id, claimed.user_id);
      if (!state) return tokenError('invalid_grant', 'The user has withdrawn consent');
      if (state.appStatus === 'suspended') return tokenError('unauthorized_client', 'This app is suspended');
      if (state.userSuspended) return tokenError('invalid_grant', "The user's account is suspended");
      const scopes = normalizeScopes(claimed.scopes).filter((scope) => state.scopes.includes(scope));
      return this.tokens.createGrant(app, claimed.user_id, claimed.id, scopes, state.openid);
    });
    // Refusals are returned from the transaction rather than thrown, so burning the code and revoking a
    // replayed code's tokens commit.
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }
}
