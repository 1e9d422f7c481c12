import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';

/** How users rated an app: how many did, and their average stars. */
export interface RatingSummary {
  count: number;
  average: number;
}

/** SQL of the app center's ratings (`app_rating`). */
@Injectable()
export class AppCenterRepository {
  constructor(private readonly em: EntityManager) {}

  /** The ratings of each app; apps nobody rated are left out. */
  async ratings(appIds: string[]): Promise<Map<string, RatingSummary>> {
    const rows = await sqlRows<{ app_id: string; n: string | number; average: string | number }>(
      this.em,
      `select app_id, count(*) as n, avg(stars) as average from app_rating where app_id = any(?::uuid[])
         group by app_id`,
      [uuidArray(appIds)],
    );
    return new Map(rows.map((row) => [row.app_id, { count: Number(row.n), average: Number(row.average) }]));
  }

  /** The stars the user gave the app; null when they did not rate it. */
  async stars(appId: string, userId: string): Promise<number | null> {
    const [row] = await sqlRows<{ stars: number }>(
      this.em,
      'select stars from app_rating where app_id = ? and user_id = ?',
      [appId, userId],
    );
    return row ? Number(row.stars) : null;
  }

  /** Records the user's rating of the app, replacing an earlier one. */
  async rate(appId: string, userId: string, stars: number, now: Date): Promise<void> {
    await sqlRun(
      this.em,
      `insert into app_rating (app_id, user_id, stars, created_at, updated_at) values (?, ?, ?, ?, ?)
       on conflict (app_id, user_id) do update set stars = excluded.stars, updated_at = excluded.updated_at`,
      [appId, userId, stars, now, now],
    );
  }
}
