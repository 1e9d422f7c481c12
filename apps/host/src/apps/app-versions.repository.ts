import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { newId } from '../common/ids';
import type { Keyset } from '../common/pagination';
import { sqlRows, sqlRun } from '../database/sql';
import type { AppListing, AppManifest } from './app-manifest';
import type { AppVersion, StatusChange } from './app-version';
import type { VersionStatus } from './version-lifecycle';

interface VersionRow {
  app_id: string;
  number: number;
  manifest: AppManifest;
  status: VersionStatus;
  status_reason: string | null;
  submit_note: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const VERSION_COLUMNS =
  'app_id, number, manifest, status, status_reason, submit_note, created_at, updated_at';

function toVersion(row: VersionRow): AppVersion {
  return {
    appId: row.app_id,
    number: row.number,
    manifest: row.manifest,
    status: row.status,
    statusReason: row.status_reason,
    submitNote: row.submit_note,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** SQL of the apps' versions and their status history (`app_version`, `app_status_change`). */
@Injectable()
export class AppVersionsRepository {
  constructor(private readonly em: EntityManager) {}

  /** The app's versions, newest first. */
  async list(appId: string): Promise<AppVersion[]> {
    const rows = await sqlRows<VersionRow>(
      this.em,
      `select ${VERSION_COLUMNS} from app_version where app_id = ? order by number desc`,
      [appId],
    );
    return rows.map(toVersion);
  }

  /** Version `number` of the app, or null; `lock` holds its row until the transaction ends. */
  async find(appId: string, number: number, lock = false): Promise<AppVersion | null> {
    const [row] = await sqlRows<VersionRow>(
      this.em,
      `select ${VERSION_COLUMNS} from app_version where app_id = ? and number = ?${lock ? ' for update' : ''}`,
      [appId, number],
    );
    return row ? toVersion(row) : null;
  }

  /** Adds the app's next version; its number. */
  async insertNext(appId: string, manifest: AppManifest, status: VersionStatus, now: Date): Promise<number> {
    const [{ next }] = await sqlRows<{ next: number }>(
      this.em,
      'select coalesce(max(number), 0) + 1 as next from app_version where app_id = ?',
      [appId],
    );
    const number = Number(next);
    await sqlRun(
      this.em,
      `insert into app_version (app_id, number, manifest, status, created_at, updated_at)
       values (?, ?, ?::jsonb, ?, ?, ?)`,
      [appId, number, JSON.stringify(manifest), status, now, now],
    );
    return number;
  }

  async setManifest(appId: string, number: number, manifest: AppManifest, now: Date): Promise<void> {
    await sqlRun(
      this.em,
      'update app_version set manifest = ?::jsonb, updated_at = ? where app_id = ? and number = ?',
      [JSON.stringify(manifest), now, appId, number],
    );
  }

  /** Moves a version to `status`, with the reason shown for it (null clears the last one). */
  async setStatus(
    appId: string,
    number: number,
    status: VersionStatus,
    reason: string | null,
    now: Date,
  ): Promise<void> {
    await sqlRun(
      this.em,
      'update app_version set status = ?, status_reason = ?, updated_at = ? where app_id = ? and number = ?',
      [status, reason, now, appId, number],
    );
  }

  /** The published version steps aside for a newer one. */
  async supersede(appId: string, number: number, now: Date): Promise<void> {
    await sqlRun(
      this.em,
      "update app_version set status = 'superseded', updated_at = ? where app_id = ? and number = ?",
      [now, appId, number],
    );
  }

  async setSubmitNote(appId: string, number: number, note: string | null): Promise<void> {
    await sqlRun(this.em, 'update app_version set submit_note = ? where app_id = ? and number = ?', [
      note,
      appId,
      number,
    ]);
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

  /** The listing kept with a published version (the migration that added it kept the listing of then). */
  async publishedListing(appId: string, number: number): Promise<AppListing | null> {
    const [row] = await sqlRows<{ listing: AppListing | null }>(
      this.em,
      'select listing from app_version where app_id = ? and number = ?',
      [appId, number],
    );
    return row?.listing ?? null;
  }

  /**
   * Submitted versions, oldest submission first, strictly after `after` (a submission time and app id: an
   * app has at most one version under review, so the pair is unique), one more than `limit`.
   */
  async submitted(limit: number, after: Keyset | undefined): Promise<AppVersion[]> {
    const rows = await sqlRows<VersionRow>(
      this.em,
      `select ${VERSION_COLUMNS} from app_version
        where status = 'submitted' ${after ? 'and (updated_at, app_id) > (?, ?)' : ''}
        order by updated_at, app_id limit ?`,
      [...(after ? [after.createdAt, after.id] : []), limit + 1],
    );
    return rows.map(toVersion);
  }

  /** Records a status change of the app (`versionNumber` null) or of one of its versions. */
  async recordStatusChange(appId: string, change: StatusChange): Promise<void> {
    await sqlRun(
      this.em,
      `insert into app_status_change (id, app_id, version_number, actor_id, from_status, to_status, reason, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        newId(),
        appId,
        change.versionNumber,
        change.actorId,
        change.fromStatus,
        change.toStatus,
        change.reason,
        change.createdAt,
      ],
    );
  }

  /** Every status change of the app and its versions, oldest first. */
  async history(appId: string): Promise<StatusChange[]> {
    const rows = await sqlRows<{
      version_number: number | null;
      from_status: string;
      to_status: string;
      actor_id: string | null;
      reason: string | null;
      created_at: Date | string;
    }>(
      this.em,
      `select version_number, from_status, to_status, actor_id, reason, created_at from app_status_change
       where app_id = ? order by created_at, id`,
      [appId],
    );
    return rows.map((row) => ({
      versionNumber: row.version_number,
      fromStatus: row.from_status,
      toStatus: row.to_status,
      actorId: row.actor_id,
      reason: row.reason,
      createdAt: new Date(row.created_at),
    }));
  }
}
