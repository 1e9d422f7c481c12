import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRows, sqlRun } from '../database/sql';
import type { AppListing } from './apps.service';

/**
 * SQL of the app registry's tables for AppsService: the queries added since the repository was
 * introduced (older ones still live in the service).
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
