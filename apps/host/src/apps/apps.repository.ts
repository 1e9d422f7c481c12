import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRows } from '../database/sql';

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
}
