import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRows, sqlRun } from './sql';

/**
 * Facts about the installation kept in `kongjian_meta` (JSON values under text keys): the keys every
 * instance must share (openids, launch tokens) and the platform's own account.
 */
@Injectable()
export class MetaRepository {
  constructor(private readonly em: EntityManager) {}

  async get<T>(key: string): Promise<T | undefined> {
    const [row] = await sqlRows<{ value: T }>(this.em, 'select value from kongjian_meta where key = ?', [
      key,
    ]);
    return row?.value;
  }

  /** Stores `value` under a key that has none yet (a second value for a key is an error). */
  async add(key: string, value: unknown): Promise<void> {
    await sqlRun(this.em, 'insert into kongjian_meta (key, value) values (?, ?::jsonb)', [
      key,
      JSON.stringify(value),
    ]);
  }

  /** Stores `value` under `key`, replacing what was there. */
  async put(key: string, value: unknown): Promise<void> {
    await sqlRun(
      this.em,
      'insert into kongjian_meta (key, value) values (?, ?::jsonb) on conflict (key) do update set value = excluded.value',
      [key, JSON.stringify(value)],
    );
  }

  /**
   * The value under `key`; the first caller ever stores `created` there, and every later one, on any
   * instance, gets that first value (call outside a transaction that may roll back, or it would be lost).
   */
  async getOrAdd<T>(key: string, created: T): Promise<T> {
    await sqlRun(
      this.em,
      'insert into kongjian_meta (key, value) values (?, ?::jsonb) on conflict (key) do nothing',
      [key, JSON.stringify(created)],
    );
    return (await this.get<T>(key))!;
  }
}
