import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { SUSPENDED_ACCOUNT_IDS } from '../accounts/accounts.fragments';
import { lockName } from '../database/advisory-lock';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import { friendIdsQuery, friendOfCondition } from '../friends/friends.fragments';
import type { AppStatus } from './registered-app';
import type { Scope } from './scopes';

/** A user's consent to an app, as the `app_authorization` row keeps it (scopes as stored). */
export interface ConsentRow {
  openid: string;
  scopes: Scope[];
  decided_scopes: Scope[];
  updated_at: Date | string;
}

/** What a token check reads about the app and the user's consent, in one row. */
export interface AccessRow {
  status: AppStatus;
  built_in: boolean;
  scopes: Scope[];
  openid: string;
  user_suspended: boolean;
}

/** A friend of a user, and whether they use an app. */
export interface FriendOfUser {
  userId: string;
  installed: boolean;
}

/** SQL of users' consent to apps (`app_authorization`) and of when uninstalled apps' storage is due for deletion (`app_storage_deletion`). */
@Injectable()
export class AuthorizationsRepository {
  constructor(private readonly em: EntityManager) {}

  /** Makes the rest of the transaction the only one installing the app for the user (across instances). */
  lockInstallation(appId: string, userId: string): Promise<void> {
    return lockName(this.em, `install:${appId}:${userId}`);
  }

  /** The user's consent to the app while it is not withdrawn. */
  async active(appId: string, userId: string): Promise<ConsentRow | null> {
    const [row] = await sqlRows<ConsentRow>(
      this.em,
      `select openid, scopes, decided_scopes, updated_at from app_authorization
       where app_id = ? and user_id = ? and revoked_at is null`,
      [appId, userId],
    );
    return row ?? null;
  }

  /** Records consent, replacing a withdrawn or earlier one (which keeps its openid). */
  async upsert(
    appId: string,
    userId: string,
    consent: { openid: string; scopes: Scope[]; decidedScopes: Scope[] },
    now: Date,
  ): Promise<void> {
    await sqlRun(
      this.em,
      `insert into app_authorization (app_id, user_id, openid, scopes, decided_scopes, created_at, updated_at)
       values (?, ?, ?, ?::text[], ?::text[], ?, ?)
       on conflict (app_id, user_id)
       do update set scopes = excluded.scopes, decided_scopes = excluded.decided_scopes,
         updated_at = excluded.updated_at, revoked_at = null`,
      [
        appId,
        userId,
        consent.openid,
        `{${consent.scopes.join(',')}}`,
        `{${consent.decidedScopes.join(',')}}`,
        now,
        now,
      ],
    );
  }

  /** Withdraws the consent; the openid it had, or null when there was none to withdraw. */
  async revoke(appId: string, userId: string, now: Date): Promise<string | null> {
    const [revoked] = await sqlRows<{ openid: string }>(
      this.em,
      `update app_authorization set revoked_at = ? where app_id = ? and user_id = ? and revoked_at is null
       returning openid`,
      [now, appId, userId],
    );
    return revoked?.openid ?? null;
  }

  async access(appId: string, userId: string): Promise<AccessRow | null> {
    const [row] = await sqlRows<AccessRow>(
      this.em,
      `select a.status, a.plugin_id is not null as built_in, az.scopes, az.openid,
              az.user_id in ${SUSPENDED_ACCOUNT_IDS} as user_suspended
       from app_authorization az join app a on a.id = az.app_id
       where az.app_id = ? and az.user_id = ? and az.revoked_at is null`,
      [appId, userId],
    );
    return row ?? null;
  }

  /** The user's consents in force, most recently given first. */
  listForUser(userId: string): Promise<{ app_id: string; scopes: Scope[]; updated_at: Date | string }[]> {
    return sqlRows(
      this.em,
      `select app_id, scopes, updated_at from app_authorization
       where user_id = ? and revoked_at is null order by updated_at desc, app_id`,
      [userId],
    );
  }

  async userIdForOpenid(appId: string, openid: string): Promise<string | null> {
    const [row] = await sqlRows<{ user_id: string }>(
      this.em,
      'select user_id from app_authorization where app_id = ? and openid = ?',
      [appId, openid],
    );
    return row?.user_id ?? null;
  }

  /** How many users have each app installed (consent in force); apps nobody has are left out. */
  async installCounts(appIds: string[]): Promise<Map<string, number>> {
    const rows = await sqlRows<{ app_id: string; n: string | number }>(
      this.em,
      `select app_id, count(*) as n from app_authorization where app_id = any(?::uuid[]) and revoked_at is null
         group by app_id`,
      [uuidArray(appIds)],
    );
    return new Map(rows.map((row) => [row.app_id, Number(row.n)]));
  }

  /**
   * The user's friends (those among `among`, or all), each with whether they have the app installed, in
   * user id order. Friends in a block relation with the user, or suspended, are none.
   */
  async friendsWithInstalls(appId: string, userId: string, among?: string[]): Promise<FriendOfUser[]> {
    const friends = friendIdsQuery(userId);
    const friendOf = friendOfCondition('f.id', userId);
    const rows = await sqlRows<{ id: string; installed: boolean }>(
      this.em,
      `select f.id, exists (select 1 from app_authorization az
                where az.app_id = ? and az.user_id = f.id and az.revoked_at is null) as installed
         from (${friends.sql}) f
        where ${friendOf.sql} ${among ? 'and f.id = any(?::uuid[])' : ''}
        order by f.id`,
      [appId, ...friends.params, ...friendOf.params, ...(among ? [uuidArray(among)] : [])],
    );
    return rows.map((row) => ({ userId: row.id, installed: row.installed }));
  }

  /**
   * All the user's friends (suspended ones too), and those among them who currently authorize the app and
   * are in no block relation with the user and not suspended, in openid order (byte order, whatever the
   * database's collation, so pages can be cut in memory).
   */
  async appFriends(
    appId: string,
    userId: string,
  ): Promise<{ friendIds: string[]; appFriends: { openid: string; userId: string }[] }> {
    const friends = friendIdsQuery(userId);
    const friendOf = friendOfCondition('f.id', userId);
    const rows = await sqlRows<{ id: string; openid: string | null }>(
      this.em,
      `select f.id, case when ${friendOf.sql} then az.openid end as openid
         from (${friends.sql}) f
         left join app_authorization az on az.app_id = ? and az.user_id = f.id and az.revoked_at is null
        order by az.openid collate "C"`,
      [...friendOf.params, ...friends.params, appId],
    );
    return {
      friendIds: rows.map((row) => row.id),
      appFriends: rows.flatMap((row) =>
        row.openid === null ? [] : [{ openid: row.openid, userId: row.id }],
      ),
    };
  }

  /** The user came back to the app: its storage for them is no longer due for deletion. */
  async cancelStorageDeletion(appId: string, userId: string): Promise<void> {
    await sqlRun(this.em, 'delete from app_storage_deletion where app_id = ? and user_id = ?', [
      appId,
      userId,
    ]);
  }

  /** The app's storage for the user is deleted at `dueAt` unless they come back before. */
  async scheduleStorageDeletion(appId: string, userId: string, dueAt: Date): Promise<void> {
    await sqlRun(
      this.em,
      `insert into app_storage_deletion (app_id, user_id, due_at) values (?, ?, ?)
       on conflict (app_id, user_id) do update set due_at = excluded.due_at`,
      [appId, userId, dueAt],
    );
  }

  /** Takes the storage deletions due by `now` off the schedule; the (app, user) pairs they were for. */
  dueStorageDeletions(now: Date): Promise<{ app_id: string; user_id: string }[]> {
    return sqlRows(this.em, `delete from app_storage_deletion where due_at <= ? returning app_id, user_id`, [
      now,
    ]);
  }
}
