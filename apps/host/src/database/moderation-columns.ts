import type { EntityManager } from '@mikro-orm/core';
import { sqlRun } from './sql';

/** The content tables under moderation: each has `moderation` and `moderation_reason` columns. */
export type ModeratedTable = 'post' | 'comment' | 'board_message' | 'album' | 'photo';

/**
 * Moves one row of a content table from moderation state `from` to `to` as a compare-and-set, so
 * two reviewers deciding at once cannot both succeed. The states are the moderation module's
 * (`ModerationState`); this helper only compares and stores them. For content modules' repositories, each on its
 * own tables (moderation itself never touches them: see moderation-subjects.ts).
 */
export async function compareAndSetModeration<State extends string>(
  em: EntityManager,
  table: ModeratedTable,
  id: string,
  from: State,
  to: State,
  reason: string | null,
): Promise<boolean> {
  const changed = await sqlRun(
    em,
    `update ${table} set moderation = ?, moderation_reason = ? where id = ? and moderation = ?`,
    [to, reason, id, from],
  );
  return changed > 0;
}
