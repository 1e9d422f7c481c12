import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { compareAndSetModeration } from '../database/moderation-columns';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import type { ModerationState } from '../moderation/moderation-state';

/** The albums module's screened items: albums and photos, each with a title and a description. */
export type ScreenedTable = 'album' | 'photo';

/** An album or a photo as moderation describes it. */
export interface ScreenedTextRow {
  id: string;
  owner_id: string;
  title: string;
  description: string;
  moderation: ModerationState;
  moderation_reason: string | null;
}

/** SQL of the columns albums and photos share for moderation: their text and moderation state. */
@Injectable()
export class ScreenedItemsRepository {
  constructor(private readonly em: EntityManager) {}

  /** The items with these ids that exist. */
  texts(table: ScreenedTable, ids: string[]): Promise<ScreenedTextRow[]> {
    return sqlRows<ScreenedTextRow>(
      this.em,
      `select id, owner_id, title, description, moderation, moderation_reason from ${table} where id = any(?::uuid[])`,
      [uuidArray(ids)],
    );
  }

  /** Stores an edited title and description in `moderation`, clearing the old reason when `clearReason`. */
  async setText(
    table: ScreenedTable,
    id: string,
    text: { title: string; description: string },
    moderation: ModerationState,
    clearReason: boolean,
  ): Promise<void> {
    await sqlRun(
      this.em,
      `update ${table} set title = ?, description = ?, moderation = ?,
              moderation_reason = case when ? then null else moderation_reason end where id = ?`,
      [text.title, text.description, moderation, clearReason, id],
    );
  }

  /** A reviewer's decision on an item, as a compare-and-set (see compareAndSetModeration). */
  setModeration(
    table: ScreenedTable,
    id: string,
    from: ModerationState,
    to: ModerationState,
    reason: string | null,
  ): Promise<boolean> {
    return compareAndSetModeration(this.em, table, id, from, to, reason);
  }
}
