import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Keyset, keysetCondition } from '../common/pagination';
import { lockName } from '../database/advisory-lock';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import type { PrivacyLevel } from '../common/privacy-level';
import { NOT_THE_PLATFORM } from './accounts.fragments';
import type { AuthUser } from './auth-user';
import { Session } from './session.entity';
import { type Role, User } from './user.entity';

/** A session as the auth guard needs it. */
export interface SignedInSession {
  sessionId: string;
  user: AuthUser;
  lastUsedAt: Date;
  expiresAt: Date;
}

/** A new account as AccountsService makes it. */
export interface NewUser {
  username: string;
  usernameKey: string;
  passwordHash: string;
  roles: Role[];
  createdAt: Date;
}

/** A new session as AccountsService issues it (only the hash of its token is stored). */
export interface NewSession {
  userId: string;
  tokenHash: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
}

/** SQL of the accounts module's tables (user_account, session) for the rules in AccountsService. */
@Injectable()
export class AccountsRepository {
  constructor(private readonly em: EntityManager) {}

  /** Stores a new account; null when its username key is taken (usernames are unique in any letter case). */
  async insertUser(fields: NewUser): Promise<User | null> {
    const user = this.em.create(User, fields);
    try {
      await this.em.persistAndFlush(user);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        this.em.clear();
        return null;
      }
      throw error;
    }
    return user;
  }

  userById(id: string): Promise<User | null> {
    return this.em.findOne(User, { id });
  }

  userByUsernameKey(usernameKey: string): Promise<User | null> {
    return this.em.findOne(User, { usernameKey });
  }

  /** Stores the roles of a user loaded by this repository. */
  async saveRoles(user: User, roles: Role[]): Promise<void> {
    user.roles = roles;
    await this.em.flush();
  }

  /** Usernames of the users with these ids that exist. */
  usernames(ids: readonly string[]): Promise<{ id: string; username: string }[]> {
    return sqlRows<{ id: string; username: string }>(
      this.em,
      'select id, username from user_account where id = any(?::uuid[])',
      [uuidArray(ids)],
    );
  }

  async insertSession(fields: NewSession): Promise<Session> {
    const session = this.em.create(Session, fields);
    await this.em.persistAndFlush(session);
    return session;
  }

  /** The user's sessions that have not expired by `now`, newest first. */
  activeSessions(userId: string, now: Date): Promise<Session[]> {
    return this.em.find(
      Session,
      { userId, expiresAt: { $gt: now } },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
  }

  /** Ends one of the user's sessions; false when the user has no such session. */
  async endSession(userId: string, sessionId: string): Promise<boolean> {
    const removed = await sqlRun(this.em, 'delete from session where id = ? and user_id = ?', [
      sessionId,
      userId,
    ]);
    return removed > 0;
  }

  /** Makes the rest of the transaction the only one working on this username (across instances). */
  lockUsername(usernameKey: string): Promise<void> {
    return lockName(this.em, `username:${usernameKey}`);
  }

  /** The user as stored now, replacing any copy this request's identity map holds. */
  reloadUser(userId: string): Promise<User> {
    return this.em.findOneOrFail(User, { id: userId }, { refresh: true });
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await sqlRun(this.em, 'update user_account set password_hash = ? where id = ?', [passwordHash, userId]);
  }

  /** Ends every session of the user; returns how many ended. */
  endSessions(userId: string): Promise<number> {
    return sqlRun(this.em, 'delete from session where user_id = ?', [userId]);
  }

  /** Ends every session of the user except one; returns how many ended. */
  endSessionsExcept(userId: string, keptSessionId: string): Promise<number> {
    return sqlRun(this.em, 'delete from session where user_id = ? and id <> ?', [userId, keptSessionId]);
  }

  /** Deletes at most `limit` sessions that expired before `before`, oldest first; how many. */
  purgeSessionsExpiredBefore(before: Date, limit: number): Promise<number> {
    return sqlRun(
      this.em,
      'delete from session where id in (select id from session where expires_at < ? order by expires_at limit ?)',
      [before, limit],
    );
  }

  /**
   * The session a token hash signs in, unless it expired by `now` or its user is suspended (suspension
   * ends sessions; the condition also covers a sign-in that raced with it).
   */
  async signedInSession(tokenHash: string, now: Date): Promise<SignedInSession | null> {
    const [row] = await sqlRows<{
      session_id: string;
      user_id: string;
      username: string;
      roles: Role[];
      last_used_at: Date;
      expires_at: Date;
    }>(
      this.em,
      `select s.id as session_id, s.last_used_at, s.expires_at, u.id as user_id, u.username, u.roles
         from session s join user_account u on u.id = s.user_id
        where s.token_hash = ? and s.expires_at > ? and u.suspended_at is null`,
      [tokenHash, now],
    );
    if (!row) return null;
    return {
      sessionId: row.session_id,
      // Shared by every request of the session while it is cached: nobody may change it.
      user: Object.freeze({
        id: row.user_id,
        username: row.username,
        roles: Object.freeze(row.roles) as Role[],
        sessionId: row.session_id,
      }),
      lastUsedAt: new Date(row.last_used_at),
      expiresAt: new Date(row.expires_at),
    };
  }

  async touchSession(sessionId: string, now: Date): Promise<void> {
    await sqlRun(this.em, 'update session set last_used_at = ? where id = ?', [now, sessionId]);
  }

  async sessionActive(sessionId: string, now: Date): Promise<boolean> {
    const rows = await sqlRows(this.em, 'select 1 from session where id = ? and expires_at > ?', [
      sessionId,
      now,
    ]);
    return rows.length > 0;
  }

  /** Whether the account is the platform's own (owner of the built-in apps), which nobody may suspend. */
  async hasPeople(): Promise<boolean> {
    const [row] = await sqlRows<{ found: boolean }>(
      this.em,
      `select exists (select 1 from user_account where ${NOT_THE_PLATFORM}) as found`,
    );
    return row!.found;
  }

  async isPlatformAccount(userId: string): Promise<boolean> {
    const rows = await sqlRows(
      this.em,
      `select 1 from user_account where id = ? and not (${NOT_THE_PLATFORM})`,
      [userId],
    );
    return rows.length > 0;
  }

  async isSuspended(userId: string): Promise<boolean> {
    const rows = await sqlRows(
      this.em,
      'select 1 from user_account where id = ? and suspended_at is not null',
      [userId],
    );
    return rows.length > 0;
  }

  /** Suspends an account that is not suspended; false when it already is (or does not exist). */
  async suspend(userId: string, adminId: string, reason: string, now: Date): Promise<boolean> {
    const changed = await sqlRun(
      this.em,
      `update user_account set suspended_at = ?, suspended_by = ?, suspension_reason = ?
        where id = ? and suspended_at is null`,
      [now, adminId, reason, userId],
    );
    return changed > 0;
  }

  /** Lifts a suspension; false when the account is not suspended (or does not exist). */
  async unsuspend(userId: string): Promise<boolean> {
    const changed = await sqlRun(
      this.em,
      `update user_account set suspended_at = null, suspended_by = null, suspension_reason = null
        where id = ? and suspended_at is not null`,
      [userId],
    );
    return changed > 0;
  }

  /** Accounts people sign in as, newest first (`ADMIN_DIRECTORY_ACCOUNTS` in creation order). */
  listAccounts(limit: number, after: Keyset | undefined): Promise<{ id: string; created_at: Date }[]> {
    const keyset = keysetCondition('u', after);
    return sqlRows(
      this.em,
      `select u.id, u.created_at from user_account u where ${NOT_THE_PLATFORM} and ${keyset.sql}
        order by u.created_at desc, u.id desc limit ?`,
      [...keyset.params, limit + 1],
    );
  }

  /** The accounts with these ids that exist, as stored now. */
  usersByIds(ids: readonly string[]): Promise<User[]> {
    return this.em.find(User, { id: { $in: [...ids] } }, { refresh: true });
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

  /** Holds the account's row until the transaction ends (`for update`). */
  async lockAccount(userId: string): Promise<void> {
    await sqlRows(this.em, 'select id from user_account where id = ? for update', [userId]);
  }
}
