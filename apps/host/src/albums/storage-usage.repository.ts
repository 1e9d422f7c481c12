import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRows, sqlRun } from '../database/sql';

/** SQL of `storage_usage`: the bytes of each user's photos, one row per user, for StorageQuotaService. */
@Injectable()
export class StorageUsageRepository {
  constructor(private readonly em: EntityManager) {}

  async usedBytes(userId: string): Promise<number> {
    const [row] = await sqlRows<{ bytes: string }>(
      this.em,
      'select bytes from storage_usage where user_id = ?',
      [userId],
    );
    return row ? Number(row.bytes) : 0;
  }

  /** Locks the user's usage row until the transaction ends (creating it first) and reads it. */
  async lock(userId: string): Promise<number> {
    await sqlRun(this.em, 'insert into storage_usage (user_id, bytes) values (?, 0) on conflict do nothing', [
      userId,
    ]);
    const [row] = await sqlRows<{ bytes: string }>(
      this.em,
      'select bytes from storage_usage where user_id = ? for update',
      [userId],
    );
    return Number(row.bytes);
  }

  /** Adds (or, negative, frees) bytes; usage never goes below zero. */
  async add(userId: string, bytes: number): Promise<void> {
    await sqlRun(this.em, 'update storage_usage set bytes = greatest(bytes + ?, 0) where user_id = ?', [
      bytes,
      userId,
    ]);
  }
}
