import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { Scope } from '../apps/scopes';
import { newId } from '../common/ids';
import { sqlRows, sqlRun } from '../database/sql';

/** An authorization code as issued: who it is for, and what its exchange must repeat. */
export interface AuthorizationCode {
  appId: string;
  userId: string;
  scopes: Scope[];
  redirectUri: string;
  /** Whether the authorization request named the redirect URI; then the token request must repeat it. */
  redirectUriInRequest: boolean;
  codeChallenge: string;
  expiresAt: Date;
}

export type TokenKind = 'access' | 'refresh';

/** A token with its grant, as stored (`TOKEN_SELECT`). */
export interface TokenRow {
  id: string;
  kind: TokenKind;
  grant_id: string;
  scopes: Scope[];
  created_at: Date | string;
  expires_at: Date | string;
  used_at: Date | string | null;
  revoked_at: Date | string | null;
  app_id: string;
  client_id: string;
  user_id: string;
  grant_revoked_at: Date | string | null;
}

const TOKEN_SELECT = `select t.id, t.kind, t.grant_id, t.scopes, t.created_at, t.expires_at, t.used_at, t.revoked_at,
  g.app_id, g.client_id, g.user_id, g.revoked_at as grant_revoked_at
  from oauth_token t join oauth_grant g on g.id = t.grant_id`;

/** A token to store: only the hash of its secret is kept. */
export interface NewToken {
  kind: TokenKind;
  tokenHash: string;
  scopes: Scope[];
  expiresAt: Date;
}

/** A grant: the family of tokens descended from one code (or one plugin token's minting). */
export interface Grant {
  id: string;
  appId: string;
  clientId: string;
  userId: string;
}

const scopeArray = (scopes: Scope[]): string => `{${scopes.join(',')}}`;

interface CodeRow {
  id: string;
  app_id: string;
  user_id: string;
  scopes: Scope[];
  redirect_uri: string;
  redirect_uri_in_request: boolean;
  code_challenge: string;
  expires_at: Date | string;
  used: boolean;
}

/**
 * SQL of the OAuth server's tables (oauth_code, oauth_grant, oauth_token, oauth_transaction): authorization
 * codes, grants and tokens (stored by hash), consent transactions, and the purges of expired state. Each
 * purge deletes at most `limit` rows, oldest first, and says how many.
 */
@Injectable()
export class OAuthRepository {
  constructor(private readonly em: EntityManager) {}

  /** Stores a code by the hash of its secret. */
  async insertCode(codeHash: string, code: AuthorizationCode, now: Date): Promise<void> {
    await sqlRun(
      this.em,
      `insert into oauth_code (id, code_hash, app_id, user_id, scopes, redirect_uri, redirect_uri_in_request,
         code_challenge, created_at, expires_at)
       values (?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?)`,
      [
        newId(),
        codeHash,
        code.appId,
        code.userId,
        scopeArray(code.scopes),
        code.redirectUri,
        code.redirectUriInRequest,
        code.codeChallenge,
        now,
        code.expiresAt,
      ],
    );
  }

  /** The code stored under this hash, with its id and whether an exchange has used it; null when there is none. */
  async findCode(codeHash: string): Promise<(AuthorizationCode & { id: string; used: boolean }) | null> {
    const [row] = await sqlRows<CodeRow>(
      this.em,
      `select id, app_id, user_id, scopes, redirect_uri, redirect_uri_in_request, code_challenge, expires_at,
              used_at is not null as used
         from oauth_code where code_hash = ?`,
      [codeHash],
    );
    if (!row) return null;
    return {
      id: row.id,
      appId: row.app_id,
      userId: row.user_id,
      scopes: row.scopes,
      redirectUri: row.redirect_uri,
      redirectUriInRequest: row.redirect_uri_in_request,
      codeChallenge: row.code_challenge,
      expiresAt: new Date(row.expires_at),
      used: row.used,
    };
  }

  /** Marks a code used without issuing anything (a refused exchange); false when it was used already. */
  async burnCode(codeId: string, now: Date): Promise<boolean> {
    const burnt = await sqlRows<{ id: string }>(
      this.em,
      'update oauth_code set used_at = ? where id = ? and used_at is null returning id',
      [now, codeId],
    );
    return burnt.length > 0;
  }

  /**
   * Stores new tokens in one statement, with what must commit with them: their grant when it is new (a
   * code exchange, a plugin token) and, for a code exchange, the code marked used; or the refresh token
   * they replace marked used (a rotation). When a code or refresh token is marked, nothing is stored unless
   * it was still unused: of two exchanges or rotations at once, the second waits for the first's row lock
   * and then finds it used. One round trip on the token endpoint's path. Whether the tokens were stored.
   */
  async issueTokens(issue: {
    grant: Grant;
    /** Set when the grant is new: it is stored with its tokens. */
    newGrant?: { codeId: string | null; scopes: Scope[] };
    rotatedTokenId?: string;
    tokens: NewToken[];
    now: Date;
  }): Promise<boolean> {
    const parts: string[] = [];
    const params: unknown[] = [];
    // What must have been unused for anything to be stored: the code exchanged or the token rotated.
    let claim = '';
    if (issue.newGrant?.codeId) {
      parts.push(
        'claimed as (update oauth_code set used_at = ? where id = ? and used_at is null returning id)',
      );
      params.push(issue.now, issue.newGrant.codeId);
      claim = 'where exists (select 1 from claimed)';
    }
    if (issue.rotatedTokenId) {
      parts.push(
        'claimed as (update oauth_token set used_at = ? where id = ? and used_at is null returning id)',
      );
      params.push(issue.now, issue.rotatedTokenId);
      claim = 'where exists (select 1 from claimed)';
    }
    if (issue.newGrant) {
      const { grant } = issue;
      const { codeId, scopes } = issue.newGrant;
      parts.push(`new_grant as (insert into oauth_grant (id, app_id, client_id, user_id, code_id, scopes, created_at)
         select ?::uuid, ?::uuid, ?::text, ?::uuid, ?::uuid, ?::text[], ?::timestamptz ${claim})`);
      params.push(grant.id, grant.appId, grant.clientId, grant.userId, codeId, scopeArray(scopes), issue.now);
    }
    const rows = issue.tokens.map((token) => {
      params.push(
        newId(),
        issue.grant.id,
        token.kind,
        token.tokenHash,
        scopeArray(token.scopes),
        issue.now,
        token.expiresAt,
      );
      return '(?::uuid, ?::uuid, ?::text, ?::text, ?::text[], ?::timestamptz, ?::timestamptz)';
    });
    // A new grant's foreign key is checked at the end of the statement, when the grant row exists.
    const stored = await sqlRows<{ id: string }>(
      this.em,
      `${parts.length ? `with ${parts.join(', ')} ` : ''}insert into oauth_token
         (id, grant_id, kind, token_hash, scopes, created_at, expires_at)
       select * from (values ${rows.join(', ')}) as issued ${claim}
       returning id`,
      params,
    );
    return stored.length > 0;
  }

  /** The token of this hash and kind, with its grant. */
  async findToken(tokenHash: string, kind: TokenKind): Promise<TokenRow | null> {
    const [row] = await sqlRows<TokenRow>(this.em, `${TOKEN_SELECT} where t.token_hash = ? and t.kind = ?`, [
      tokenHash,
      kind,
    ]);
    return row ?? null;
  }

  async revokeToken(tokenId: string, at: Date): Promise<void> {
    await sqlRun(this.em, 'update oauth_token set revoked_at = ? where id = ? and revoked_at is null', [
      at,
      tokenId,
    ]);
  }

  async revokeGrant(grantId: string, at: Date): Promise<void> {
    await sqlRun(this.em, 'update oauth_grant set revoked_at = ? where id = ? and revoked_at is null', [
      at,
      grantId,
    ]);
  }

  /** Revokes the grants of one user for one app. */
  async revokeUserGrants(appId: string, userId: string, at: Date): Promise<void> {
    await sqlRun(
      this.em,
      'update oauth_grant set revoked_at = ? where app_id = ? and user_id = ? and revoked_at is null',
      [at, appId, userId],
    );
  }

  /** Revokes the grants started by exchanging this code. */
  async revokeCodeGrants(codeId: string, at: Date): Promise<void> {
    await sqlRun(this.em, 'update oauth_grant set revoked_at = ? where code_id = ? and revoked_at is null', [
      at,
      codeId,
    ]);
  }

  purgeTokensExpiredBefore(before: Date, limit: number): Promise<number> {
    return this.purgeExpiredBefore('oauth_token', before, limit);
  }

  purgeCodesExpiredBefore(before: Date, limit: number): Promise<number> {
    return this.purgeExpiredBefore('oauth_code', before, limit);
  }

  purgeConsentTransactionsExpiredBefore(before: Date, limit: number): Promise<number> {
    return this.purgeExpiredBefore('oauth_transaction', before, limit);
  }

  /** A consent page's pending request, bound to the session that opened it, with its CSRF token's hash. */
  async insertConsentTransaction(transaction: {
    id: string;
    sessionId: string;
    userId: string;
    appId: string;
    csrfHash: string;
    request: unknown;
    expiresAt: Date;
  }): Promise<void> {
    await sqlRun(
      this.em,
      `insert into oauth_transaction (id, session_id, user_id, app_id, csrf_hash, request, expires_at)
       values (?, ?, ?, ?, ?, ?::jsonb, ?)`,
      [
        transaction.id,
        transaction.sessionId,
        transaction.userId,
        transaction.appId,
        transaction.csrfHash,
        JSON.stringify(transaction.request),
        transaction.expiresAt,
      ],
    );
  }

  /** The pending consent transaction of this session and user, unless it has expired. */
  async findConsentTransaction(
    id: string,
    sessionId: string,
    userId: string,
    now: Date,
  ): Promise<{ appId: string; csrfHash: string; request: unknown } | undefined> {
    const [row] = await sqlRows<{ app_id: string; csrf_hash: string; request: unknown }>(
      this.em,
      `select app_id, csrf_hash, request from oauth_transaction
       where id = ? and session_id = ? and user_id = ? and expires_at > ?`,
      [id, sessionId, userId, now],
    );
    if (!row) return undefined;
    // PGlite hands jsonb back as text, PostgreSQL as a value.
    const request: unknown = typeof row.request === 'string' ? JSON.parse(row.request) : row.request;
    return { appId: row.app_id, csrfHash: row.csrf_hash, request };
  }

  /** Deletes the transaction; false when another decision deleted it first. */
  async deleteConsentTransaction(id: string): Promise<boolean> {
    return (await sqlRun(this.em, 'delete from oauth_transaction where id = ?', [id])) > 0;
  }

  /** Grants made before `before` with no token left: nothing can use them any more. */
  purgeGrantsWithoutTokens(before: Date, limit: number): Promise<number> {
    return sqlRun(
      this.em,
      `delete from oauth_grant where id in
         (select g.id from oauth_grant g
           where g.created_at < ? and not exists (select 1 from oauth_token t where t.grant_id = g.id)
           order by g.created_at limit ?)`,
      [before, limit],
    );
  }

  private purgeExpiredBefore(
    table: 'oauth_token' | 'oauth_code' | 'oauth_transaction',
    before: Date,
    limit: number,
  ): Promise<number> {
    return sqlRun(
      this.em,
      `delete from ${table} where id in
         (select id from ${table} where expires_at < ? order by expires_at limit ?)`,
      [before, limit],
    );
  }
}
