/**
 * Where an item stands with moderation. Only `published` items reach anyone but their author; the
 * privacy rule reads this (see `mayViewModerated`).
 * - held: a keyword rule held it for review;
 * - rejected: a reviewer refused a held item;
 * - unpublished: a reviewer took down an item that had been published.
 */
export const MODERATION_STATES = ['published', 'held', 'rejected', 'unpublished'] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];

export const KEYWORD_ACTIONS = ['block', 'hold', 'flag'] as const;
/** What a keyword rule does to content that contains it; the strongest matching rule wins. */
export type KeywordAction = (typeof KEYWORD_ACTIONS)[number];

/** Stronger actions first. */
export const ACTION_STRENGTH: Record<KeywordAction, number> = { block: 3, hold: 2, flag: 1 };

/** `moderation` for content that is not published; the read queries give such rows to their author only. */
export function moderationStatus(row: { moderation: ModerationState; moderation_reason: string | null }) {
  return row.moderation === 'published'
    ? {}
    : { moderation: { state: row.moderation, reason: row.moderation_reason } };
}
