import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import { friendOfCondition } from '../friends/friends.service';
import type { Keyset } from '../common/pagination';
import type { AppListing, AppManifest } from './apps.service';
import type { VersionStatus } from './version-lifecycle';

export interface VersionRow {
  app_id: string;
  number: number;
  manifest: AppManifest;
  status: VersionStatus;
  status_reason: string | null;
  submit_note: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

export const VERSION_COLUMNS =
  'app_id, number, manifest, status, status_reason, submit_note, created_at, updated_at';

/** A friend of a user, and whether they use an app. */
export interface FriendOfUser {
  userId: string;
  installed: boolean;
}

/**
 * SQL of the app registry's tables for AppsService and AuthorizationsService: the queries added since the
 * repository was introduced (older ones still live in the services).
 */
@Injectable()
export class AppsRepository {
  constructor(private readonly em: EntityManager) {}

  /** When the user became a tester of the app; null when they are not one. */
  async testerAddedAt(appId: string, userId: string): Promise<Date | null> {
    const [row] = await sqlRows<{ added_at: Date | string }>(
      this.em,
      'select added_at from app_tester where app_id = ? and user_id = ?',
      [appId, userId],
    );
    return row ? new Date(row.added_at) : null;
  }

  /** Keeps the app's listing with a version as it is published, so later listing edits can be shown. */
  async keepListing(appId: string, number: number): Promise<void> {
    await sqlRun(
      this.em,
      `update app_version v
          set listing = jsonb_build_object('name', a.name, 'description', a.description, 'iconUrl', a.icon_url,
                                           'category', a.category)
         from app a
        where a.id = v.app_id and v.app_id = ? and v.number = ?`,
      [appId, number],
    );
  }

  async setSubmitNote(appId: string, number: number, note: string | null): Promise<void> {
    await sqlRun(this.em, 'update app_version set submit_note = ? where app_id = ? and number = ?', [
      note,
      appId,
      number,
    ]);
  }

  /**
   * The user's friends (those among `among`, or all), each with whether they have the app installed, in
   * user id order. Friends in a block relation with the user, or suspended, are none.
   */
  async friendsWithInstalls(appId: string, userId: string, among?: string[]): Promise<FriendOfUser[]> {
    const friendOf = friendOfCondition('f.friend_id', userId);
    const rows = await sqlRows<{ friend_id: string; installed: boolean }>(
      this.em,
      `select f.friend_id, exists (select 1 from app_authorization az
                where az.app_id = ? and az.user_id = f.friend_id and az.revoked_at is null) as installed
         from friendship f
        where f.user_id = ? and ${friendOf.sql} ${among ? 'and f.friend_id = any(?::uuid[])' : ''}
        order by f.friend_id`,
      [appId, userId, ...friendOf.params, ...(among ? [uuidArray(among)] : [])],
    );
    return rows.map((row) => ({ userId: row.friend_id, installed: row.installed }));
  }

  /**
   * Submitted versions, oldest submission first, strictly after `after` (a submission time and app id: an
   * app has at most one version under review, so the pair is unique), one more than `limit`.
   */
  async submittedVersions(limit: number, after: Keyset | undefined): Promise<VersionRow[]> {
    return sqlRows<VersionRow>(
      this.em,
      `select ${VERSION_COLUMNS} from app_version
        where status = 'submitted' ${after ? 'and (updated_at, app_id) > (?, ?)' : ''}
        order by updated_at, app_id limit ?`,
      [...(after ? [after.createdAt, after.id] : []), limit + 1],
    );
  }

  /** The listing kept with a published version (the migration that added it kept the listing of then). */
  async publishedListing(appId: string, number: number): Promise<AppListing | null> {
    const [row] = await sqlRows<{ listing: AppListing | null }>(
      this.em,
      'select listing from app_version where app_id = ? and number = ?',
      [appId, number],
    );
    return row?.listing ?? null;
  }
}
