import type { EntityManager } from '@mikro-orm/core';
import type { ModerationState } from '../moderation/moderation-state';
import { sqlRun } from './sql';

/** The content tables under moderation: each has `moderation` and `moderation_reason` columns. */
export type ModeratedTable = 'post' | 'comment' | 'board_message' | 'album' | 'photo';

/**
 * Moves one row of a content table from moderation state `from` to `to` as a compare-and-set, so
 * two reviewers deciding at once cannot both succeed. For content modules' repositories, each on its
 * own tables (moderation itself never touches them: see moderation-subjects.ts).
 */
export async function compareAndSetModeration(
  em: EntityManager,
  table: ModeratedTable,
  id: string,
  from: ModerationState,
  to: ModerationState,
  reason: string | null,
): Promise<boolean> {
  const changed = await sqlRun(
    em,
    `update ${table} set moderation = ?, moderation_reason = ? where id = ? and moderation = ?`,
    [to, reason, id, from],
  );
  return changed > 0;
}
