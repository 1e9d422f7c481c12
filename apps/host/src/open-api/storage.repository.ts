import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { lockName } from '../database/advisory-lock';
import { sqlRows, sqlRun } from '../database/sql';

/** How many keys, and serialized bytes, a storage area holds. */
export interface StorageUsage {
  keys: number;
  bytes: number;
}

/**
 * Where a storage area's rows are: the table, and the columns and values that pick the owner's rows
 * (`app_id`, and `user_id` for a user's storage).
 */
export interface StorageRows {
  table: 'app_storage' | 'app_wide_storage';
  owner: readonly (readonly [column: 'app_id' | 'user_id', value: string])[];
}

export interface StorageRow {
  key: string;
  value: unknown;
  bytes: number;
  revision: string;
  updated_at: Date | string;
}

const STORAGE_COLUMNS = 'key, value, bytes, revision, updated_at';

function ownerCondition(rows: StorageRows): { sql: string; params: string[] } {
  return {
    sql: rows.owner.map(([column]) => `${column} = ?`).join(' and '),
    params: rows.owner.map(([, value]) => value),
  };
}

/**
 * SQL of the Open API's storage tables (`app_storage`, `app_wide_storage` and its usage rows) for the
 * KeyValueStore and its two areas.
 */
@Injectable()
export class StorageRepository {
  constructor(private readonly em: EntityManager) {}

  async get(rows: StorageRows, key: string): Promise<StorageRow | null> {
    const owner = ownerCondition(rows);
    const [row] = await sqlRows<StorageRow>(
      this.em,
      `select ${STORAGE_COLUMNS} from ${rows.table} where ${owner.sql} and key = ?`,
      [...owner.params, key],
    );
    return row ?? null;
  }

  /**
   * Items with keys from `start` (`after` it when `exclusive`) to below `end`, in bytewise key order: an
   * index range on a "C"-collated key column.
   */
  list(
    rows: StorageRows,
    start: string,
    exclusive: boolean,
    end: string,
    limit: number,
  ): Promise<StorageRow[]> {
    const owner = ownerCondition(rows);
    return sqlRows<StorageRow>(
      this.em,
      `select ${STORAGE_COLUMNS} from ${rows.table}
        where ${owner.sql} and key collate "C" ${exclusive ? '>' : '>='} ? and key collate "C" < ?
        order by key collate "C" limit ?`,
      [...owner.params, start, end, limit],
    );
  }

  /** The key's current revision (as text, for its ETag) and size, if it exists. */
  async current(rows: StorageRows, key: string): Promise<{ revision: string; bytes: number } | undefined> {
    const owner = ownerCondition(rows);
    const [row] = await sqlRows<{ revision: string; bytes: number }>(
      this.em,
      `select revision::text as revision, bytes from ${rows.table} where ${owner.sql} and key = ?`,
      [...owner.params, key],
    );
    return row;
  }

  async delete(rows: StorageRows, key: string): Promise<void> {
    const owner = ownerCondition(rows);
    await sqlRun(this.em, `delete from ${rows.table} where ${owner.sql} and key = ?`, [...owner.params, key]);
  }

  /** Writes the key's value (`serialized` JSON of `bytes` bytes) as a new revision; returns the row. */
  async put(
    rows: StorageRows,
    key: string,
    value: { serialized: string; bytes: number },
    revision: string,
    updatedAt: Date,
  ): Promise<StorageRow> {
    const owner = ownerCondition(rows);
    const columns = rows.owner.map(([column]) => column).join(', ');
    const [row] = await sqlRows<StorageRow>(
      this.em,
      `insert into ${rows.table} (${columns}, key, value, bytes, revision, updated_at)
       values (${rows.owner.map(() => '?').join(', ')}, ?, ?::jsonb, ?, ?, ?)
       on conflict (${columns}, key) do update set
         value = excluded.value, bytes = excluded.bytes, revision = excluded.revision,
         updated_at = excluded.updated_at
       returning ${STORAGE_COLUMNS}`,
      [...owner.params, key, value.serialized, value.bytes, revision, updatedAt],
    );
    return row;
  }

  /**
   * Takes the write lock of one app's storage for one user (an advisory lock, for the rest of the
   * transaction) and counts what it holds.
   */
  /** Deletes an app's storage for a user; how many items went. */
  deleteUserStorage(appId: string, userId: string): Promise<number> {
    return sqlRun(this.em, 'delete from app_storage where app_id = ? and user_id = ?', [appId, userId]);
  }

  async lockUserStorage(appId: string, userId: string): Promise<StorageUsage> {
    await lockName(this.em, `app-storage:${appId}:${userId}`);
    const [usage] = await sqlRows<{ keys: number; bytes: string | number }>(
      this.em,
      `select count(*)::int as keys, coalesce(sum(bytes), 0) as bytes
         from app_storage where app_id = ? and user_id = ?`,
      [appId, userId],
    );
    return { keys: usage.keys, bytes: Number(usage.bytes) };
  }

  /** Locks the app's usage row (creating it at zero), the write lock of its app-wide storage; its totals. */
  async lockAppWideStorage(appId: string): Promise<StorageUsage> {
    await sqlRun(
      this.em,
      'insert into app_wide_storage_usage (app_id, keys, bytes) values (?, 0, 0) on conflict (app_id) do nothing',
      [appId],
    );
    const [usage] = await sqlRows<{ keys: number; bytes: string | number }>(
      this.em,
      'select keys, bytes from app_wide_storage_usage where app_id = ? for update',
      [appId],
    );
    return { keys: usage.keys, bytes: Number(usage.bytes) };
  }

  async addAppWideUsage(appId: string, change: StorageUsage): Promise<void> {
    await sqlRun(
      this.em,
      'update app_wide_storage_usage set keys = keys + ?, bytes = bytes + ? where app_id = ?',
      [change.keys, change.bytes, appId],
    );
  }
}
