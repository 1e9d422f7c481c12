import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import type { PrivacyLevel } from '../privacy/privacy-level';
import { User } from './user.entity';

/**
 * Where `kongjian_meta` remembers the platform's own account (owner of the built-in apps, created by
 * the apps module): a user row, but nobody a person can sign in as or befriend.
 */
export const SYSTEM_ACCOUNT_KEY = 'system_account';

/**
 * The account columns other modules' lists may join on to find people (id, username and its
 * lower-cased `username_key`), as a table expression: `from ${DIRECTORY_ACCOUNTS} u`. Nothing private
 * (no password hash, roles or settings) is reachable through it, and the platform's account is not in it.
 */
export const DIRECTORY_ACCOUNTS = `(select id, username, username_key from user_account
  where id::text is distinct from (select value #>> '{}' from kongjian_meta where key = '${SYSTEM_ACCOUNT_KEY}'))`;

/** SQL of the accounts module's tables (user_account, session) for the rules in AccountsService. */
@Injectable()
export class AccountsRepository {
  constructor(private readonly em: EntityManager) {}

  /** The user as stored now, replacing any copy this request's identity map holds. */
  reloadUser(userId: string): Promise<User> {
    return this.em.findOneOrFail(User, { id: userId }, { refresh: true });
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await sqlRun(this.em, 'update user_account set password_hash = ? where id = ?', [passwordHash, userId]);
  }

  /** Ends every session of the user except one; returns how many ended. */
  endSessionsExcept(userId: string, keptSessionId: string): Promise<number> {
    return sqlRun(this.em, 'delete from session where user_id = ? and id <> ?', [userId, keptSessionId]);
  }

  async sessionActive(sessionId: string, now: Date): Promise<boolean> {
    const rows = await sqlRows(this.em, 'select 1 from session where id = ? and expires_at > ?', [
      sessionId,
      now,
    ]);
    return rows.length > 0;
  }

  async setDefaultAudience(userId: string, privacy: PrivacyLevel, groupIds: string[]): Promise<void> {
    await sqlRun(
      this.em,
      'update user_account set default_privacy = ?, default_group_ids = ?::uuid[] where id = ?',
      [privacy, uuidArray(groupIds), userId],
    );
  }

  /**
   * Takes a deleted friend group out of its owner's default audience; a 'groups' default left
   * without groups becomes 'private', so the default never widens on its own.
   */
  async forgetDefaultGroup(ownerId: string, groupId: string): Promise<void> {
    await sqlRun(
      this.em,
      `update user_account
          set default_group_ids = array_remove(default_group_ids, ?::uuid),
              default_privacy = case when cardinality(array_remove(default_group_ids, ?::uuid)) = 0
                                      and default_privacy = 'groups' then 'private' else default_privacy end
        where id = ? and ?::uuid = any(default_group_ids)`,
      [groupId, groupId, ownerId, groupId],
    );
  }
}
