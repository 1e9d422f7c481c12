import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AccessContext } from '../access-context/access-context';
import { AppsService, type RegisteredApp } from '../apps/apps.service';
import { AuthorizationsService } from '../apps/authorizations.service';
import { normalizeScopes, type Scope } from '../apps/scopes';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import { HOST_CONFIG, type HostConfig } from '../config/config';
import { ChangeCache, ChangeFeed } from '../database/change-feed';
import { tokenError } from './oauth-errors';
import { type Grant, OAuthRepository, type TokenKind, type TokenRow } from './oauth.repository';

/** A token endpoint response (RFC 6749 §5.1), plus the user's openid for this app. */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  scope: string;
  openid: string;
}

/** RFC 7662 §2.2; an inactive token is exactly `{ active: false }`. */
export type IntrospectionResponse =
  | { active: false }
  | {
      active: true;
      scope: string;
      client_id: string;
      token_type: 'Bearer' | 'refresh_token';
      exp: number;
      iat: number;
      sub: string;
      iss: string;
    };

const TOKEN_PREFIX: Record<TokenKind, string> = { access: 'kja_', refresh: 'kjr_' };

/** Codes, tokens and CSRF tokens are stored as sha256: 256 random bits need no slow hash. */
export function hashSecret(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * Access and refresh tokens: opaque random strings stored only as hashes. Access tokens live an hour;
 * refresh tokens rotate on every use, and presenting one that was already rotated revokes its whole
 * grant (every token descended from the same code), as RFC 9700 §4.14.2 recommends.
 */
@Injectable()
export class OAuthTokensService {
  /** Access tokens by hash, until the token or its grant changes (revocation, purge). */
  private readonly accessTokens: ChangeCache<TokenRow>;
  constructor(
    private readonly repository: OAuthRepository,
    private readonly apps: AppsService,
    private readonly authorizations: AuthorizationsService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
    changes: ChangeFeed,
  ) {
    this.accessTokens = changes.cache('access tokens', LIMITS.changeCacheEntries);
  }

  /**
   * The context of a usable access token, or null for one that is unknown, expired or revoked, whose
   * app is suspended, or whose user withdrew consent; `user_suspended` for an otherwise good token of a
   * suspended user, which the Open API names. Reads consent and both suspensions on every call, so
   * they act at once.
   */
  async verifyAccessToken(token: string): Promise<AccessContext | 'user_suspended' | null> {
    const row = await this.findAccessToken(token);
    if (!row || !this.isLive(row)) return null;
    const state = await this.authorizations.currentAccessState(row.app_id, row.user_id);
    if (!state || state.appStatus === 'suspended') return null;
    if (state.userSuspended) return 'user_suspended';
    return {
      tokenId: row.id,
      appId: row.app_id,
      clientId: row.client_id,
      userId: row.user_id,
      openid: state.openid,
      builtIn: state.builtIn,
      scopes: row.scopes.filter((scope) => state.scopes.includes(scope)),
      expiresAt: new Date(row.expires_at),
    };
  }

  /**
   * Starts a token family for a code, marking it used in the same statement; null when another exchange
   * used it first.
   */
  createGrant(
    app: RegisteredApp,
    userId: string,
    codeId: string,
    scopes: Scope[],
    openid: string,
  ): Promise<TokenResponse | null> {
    const grant: Grant = { id: newId(), appId: app.id, clientId: app.clientId, userId };
    return this.issuePair(grant, scopes, scopes, openid, { newGrant: { codeId, scopes } });
  }

  /**
   * An access token for a built-in plugin acting for a user who installed it. Plugins never see a
   * redirect or a refresh token: the host mints the token from the user's active authorization, with
   * the scopes it grants now, in a grant of its own (so revoking the authorization ends it). Null when
   * the user has not authorized the app, the app is suspended or the user is.
   */
  async issuePluginToken(appId: string, userId: string): Promise<{ token: string; expiresAt: Date } | null> {
    const state = await this.authorizations.accessState(appId, userId);
    if (!state || state.appStatus === 'suspended' || state.userSuspended) return null;
    const app = await this.apps.findById(appId);
    const grant: Grant = { id: newId(), appId, clientId: app!.clientId, userId };
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + LIMITS.oauthAccessTokenTtlSeconds * 1000);
    const token = newSecret(TOKEN_PREFIX.access);
    // The grant and its token in one statement: nothing to roll back between them.
    await this.repository.issueTokens({
      grant,
      newGrant: { codeId: null, scopes: state.scopes },
      tokens: [{ kind: 'access', tokenHash: hashSecret(token), scopes: state.scopes, expiresAt }],
      now,
    });
    return { token, expiresAt };
  }

  /**
   * Rotates a refresh token. `requested` may narrow the new access token's scope, never widen it past
   * what the refresh token carries; the new refresh token keeps the original scope (RFC 6749 §6).
   */
  async refresh(
    app: RegisteredApp,
    refreshToken: string,
    requested: string[] | undefined,
  ): Promise<TokenResponse> {
    const row = await this.findToken(refreshToken, 'refresh');
    if (!row || row.app_id !== app.id) throw tokenError('invalid_grant', 'Unknown refresh token');
    if (row.used_at !== null) throw await this.refreshReused(row.grant_id);
    if (!this.isLive(row)) throw tokenError('invalid_grant', 'This refresh token has expired or was revoked');
    const scopes = requested === undefined ? row.scopes : this.narrowedScopes(row.scopes, requested);
    if (scopes === null)
      throw tokenError('invalid_scope', `The scope may only narrow: ${row.scopes.join(' ')}`);
    const state = await this.authorizations.currentAccessState(row.app_id, row.user_id);
    if (!state) throw tokenError('invalid_grant', 'The user has withdrawn consent');
    if (state.appStatus === 'suspended') throw tokenError('unauthorized_client', 'This app is suspended');
    if (state.userSuspended) throw tokenError('invalid_grant', "The user's account is suspended");
    const grant: Grant = {
      id: row.grant_id,
      appId: row.app_id,
      clientId: row.client_id,
      userId: row.user_id,
    };
    // The rotation is a compare-and-set on the token's used_at: of two uses at once, one gets the new
    // pair and the other finds it used, as a use after the rotation does.
    const issued = await this.issuePair(grant, scopes, row.scopes, state.openid, { rotatedTokenId: row.id });
    if (!issued) throw await this.refreshReused(row.grant_id);
    return issued;
  }

  /** Someone holds a copy of a rotated token: the legitimate client or an attacker, we cannot tell. */
  private async refreshReused(grantId: string): Promise<Error> {
    await this.revokeGrant(grantId);
    return tokenError('invalid_grant', 'This refresh token was already used; its grant is revoked');
  }

  /**
   * RFC 7009: revoking a refresh token ends its whole grant (access tokens included); an access token
   * ends alone. Unknown tokens and tokens of other clients change nothing and are not reported.
   */
  async revoke(app: RegisteredApp, token: string): Promise<void> {
    const row = (await this.findToken(token, 'access')) ?? (await this.findToken(token, 'refresh'));
    if (!row || row.app_id !== app.id) return;
    if (row.kind === 'refresh') await this.revokeGrant(row.grant_id);
    else {
      await this.repository.revokeToken(row.id, this.clock.now());
    }
  }

  /** RFC 7662 for the calling client's own tokens; anyone else's look inactive. */
  async introspect(app: RegisteredApp, token: string): Promise<IntrospectionResponse> {
    const row = (await this.findAccessToken(token)) ?? (await this.findToken(token, 'refresh'));
    const usable = row && row.app_id === app.id && this.isLive(row) && row.used_at === null;
    if (!usable) return { active: false };
    const state = await this.authorizations.currentAccessState(row.app_id, row.user_id);
    if (!state || state.appStatus === 'suspended' || state.userSuspended) return { active: false };
    return {
      active: true,
      scope: row.scopes.filter((scope) => state.scopes.includes(scope)).join(' '),
      client_id: row.client_id,
      token_type: row.kind === 'access' ? 'Bearer' : 'refresh_token',
      exp: Math.floor(new Date(row.expires_at).getTime() / 1000),
      iat: Math.floor(new Date(row.created_at).getTime() / 1000),
      sub: state.openid,
      iss: this.config.publicUrl,
    };
  }

  /** Ends every token of one user for one app (consent withdrawn). */
  async revokeUserTokens(appId: string, userId: string): Promise<void> {
    await this.repository.revokeUserGrants(appId, userId, this.clock.now());
  }

  /** Ends every token descended from a code (the code was replayed). */
  async revokeCodeGrants(codeId: string): Promise<void> {
    await this.repository.revokeCodeGrants(codeId, this.clock.now());
  }

  private async revokeGrant(grantId: string): Promise<void> {
    await this.repository.revokeGrant(grantId, this.clock.now());
  }

  /**
   * A new access and refresh token of the grant, stored in one statement with what goes with them; null
   * when the code they are exchanged for, or the refresh token they replace, was used meanwhile.
   */
  private async issuePair(
    grant: Grant,
    accessScopes: Scope[],
    refreshScopes: Scope[],
    openid: string,
    alongside: {
      newGrant?: { codeId: string | null; scopes: Scope[] };
      rotatedTokenId?: string;
    },
  ): Promise<TokenResponse | null> {
    const now = this.clock.now();
    const accessToken = newSecret(TOKEN_PREFIX.access);
    const refreshToken = newSecret(TOKEN_PREFIX.refresh);
    const stored = await this.repository.issueTokens({
      grant,
      ...alongside,
      tokens: [
        {
          kind: 'access',
          tokenHash: hashSecret(accessToken),
          scopes: accessScopes,
          expiresAt: new Date(now.getTime() + LIMITS.oauthAccessTokenTtlSeconds * 1000),
        },
        {
          kind: 'refresh',
          tokenHash: hashSecret(refreshToken),
          scopes: refreshScopes,
          expiresAt: new Date(now.getTime() + LIMITS.oauthRefreshTokenTtlDays * 86_400_000),
        },
      ],
      now,
    });
    if (!stored) return null;
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: LIMITS.oauthAccessTokenTtlSeconds,
      refresh_token: refreshToken,
      scope: accessScopes.join(' '),
      openid,
    };
  }

  /**
   * An access token as stored, cached until the database says it or its grant changed. Refresh tokens
   * are not cached: each is used once, under a row lock.
   */
  private findAccessToken(token: string): Promise<TokenRow | null> {
    if (!token.startsWith(TOKEN_PREFIX.access)) return Promise.resolve(null);
    return this.accessTokens.read(hashSecret(token), async () => {
      const row = await this.findToken(token, 'access');
      return row && { value: row, tags: [`token:${row.id}`, `grant:${row.grant_id}`] };
    });
  }

  private async findToken(token: string, kind: TokenKind): Promise<TokenRow | null> {
    if (!token.startsWith(TOKEN_PREFIX[kind])) return null;
    const row = await this.repository.findToken(hashSecret(token), kind);
    return row ? { ...row, scopes: normalizeScopes(row.scopes) } : null;
  }

  private isLive(row: TokenRow): boolean {
    return (
      row.revoked_at === null &&
      row.grant_revoked_at === null &&
      new Date(row.expires_at).getTime() > this.clock.now().getTime()
    );
  }

  /** The requested scopes if all are among `granted`, else null. */
  private narrowedScopes(granted: Scope[], requested: string[]): Scope[] | null {
    const allowed = new Set<string>(granted);
    if (!requested.every((scope) => allowed.has(scope))) return null;
    return granted.filter((scope) => requested.includes(scope));
  }
}
