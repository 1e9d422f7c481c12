import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRows, sqlRun } from '../database/sql';
import type { Activity } from './economy.rules';

/** SQL of `activity_points` (one row per user, activity and UTC day) for ActivityService. */
@Injectable()
export class ActivityRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Adds `points` to the user's row for the activity and day, never past `dailyCap`: the capped upsert
   * keeps the cap exact under concurrency.
   */
  async addCapped(
    userId: string,
    activity: Activity,
    day: string,
    points: number,
    dailyCap: number,
  ): Promise<void> {
    await sqlRun(
      this.em,
      `insert into activity_points (user_id, activity, day, points) values (?, ?, ?, least(?::int, ?::int))
       on conflict (user_id, activity, day)
       do update set points = least(activity_points.points + excluded.points, ?::int)`,
      [userId, activity, day, points, dailyCap, dailyCap],
    );
  }

  async totalPoints(userId: string): Promise<number> {
    const [row] = await sqlRows<{ points: number | string }>(
      this.em,
      'select coalesce(sum(points), 0)::bigint as points from activity_points where user_id = ?',
      [userId],
    );
    return Number(row.points);
  }

  /** The user's points of one day, by activity (activities without points that day are absent). */
  async pointsOfDay(userId: string, day: string): Promise<Map<Activity, number>> {
    const rows = await sqlRows<{ activity: Activity; points: number }>(
      this.em,
      'select activity, points from activity_points where user_id = ? and day = ?',
      [userId, day],
    );
    return new Map(rows.map((row) => [row.activity, row.points]));
  }
}
