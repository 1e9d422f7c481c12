import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRun } from '../database/sql';

/**
 * SQL of the OAuth server's tables (oauth_code, oauth_grant, oauth_token, oauth_transaction). For now it
 * holds the purges of expired state; the services' other queries move here with the module's refactoring.
 * Each purge deletes at most `limit` rows, oldest first, and says how many.
 */
@Injectable()
export class OAuthRepository {
  constructor(private readonly em: EntityManager) {}

  purgeTokensExpiredBefore(before: Date, limit: number): Promise<number> {
    return this.purgeExpiredBefore('oauth_token', before, limit);
  }

  purgeCodesExpiredBefore(before: Date, limit: number): Promise<number> {
    return this.purgeExpiredBefore('oauth_code', before, limit);
  }

  purgeConsentTransactionsExpiredBefore(before: Date, limit: number): Promise<number> {
    return this.purgeExpiredBefore('oauth_transaction', before, limit);
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
