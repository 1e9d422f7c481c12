import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRows, sqlRun } from '../database/sql';
import type { AppTester } from './registered-app';

/** SQL of the testers whitelisted for apps in development mode (`app_tester`). */
@Injectable()
export class AppTestersRepository {
  constructor(private readonly em: EntityManager) {}

  /** When the user became a tester of the app; null when they are not one. */
  async addedAt(appId: string, userId: string): Promise<Date | null> {
    const [row] = await sqlRows<{ added_at: Date | string }>(
      this.em,
      'select added_at from app_tester where app_id = ? and user_id = ?',
      [appId, userId],
    );
    return row ? new Date(row.added_at) : null;
  }

  async isTester(appId: string, userId: string): Promise<boolean> {
    const rows = await sqlRows(this.em, 'select 1 from app_tester where app_id = ? and user_id = ?', [
      appId,
      userId,
    ]);
    return rows.length > 0;
  }

  /** The app's testers, first added first. */
  async list(appId: string): Promise<AppTester[]> {
    const rows = await sqlRows<{ user_id: string; added_at: Date | string }>(
      this.em,
      'select user_id, added_at from app_tester where app_id = ? order by added_at, user_id',
      [appId],
    );
    return rows.map((row) => ({ userId: row.user_id, addedAt: new Date(row.added_at) }));
  }

  async count(appId: string): Promise<number> {
    const [{ count }] = await sqlRows<{ count: string | number }>(
      this.em,
      'select count(*) as count from app_tester where app_id = ?',
      [appId],
    );
    return Number(count);
  }

  async insert(appId: string, tester: AppTester): Promise<void> {
    await sqlRun(this.em, 'insert into app_tester (app_id, user_id, added_at) values (?, ?, ?)', [
      appId,
      tester.userId,
      tester.addedAt,
    ]);
  }

  /** Removes a tester; false when the user was not one. */
  async delete(appId: string, userId: string): Promise<boolean> {
    const removed = await sqlRun(this.em, 'delete from app_tester where app_id = ? and user_id = ?', [
      appId,
      userId,
    ]);
    return removed > 0;
  }
}
