import { moderatedCondition, type SqlFragment } from '../privacy/privacy.service';
import type { CommentableType } from './interactions.service';

/** Fixed per type (never from input): the comment column and the like table of each kind of item. */
const COMMENTS_AND_LIKES = {
  post: { commentColumn: 'post_id', likeTable: 'post_like', likeColumn: 'post_id' },
  photo: { commentColumn: 'photo_id', likeTable: 'photo_like', likeColumn: 'photo_id' },
} as const satisfies Record<CommentableType, unknown>;

/**
 * SQL of how many comments on the item in `itemColumn` the viewer may see (the moderation part of the
 * privacy rule: published ones by authors in good standing, and the viewer's own), for other modules'
 * lists of commentable items.
 */
export function commentCountSql(
  type: CommentableType,
  itemColumn: string,
  viewerId: string | null,
): SqlFragment {
  const visible = moderatedCondition(viewerId, { authorId: 'c.author_id', moderation: 'c.moderation' });
  return {
    sql: `(select count(*) from comment c where c.${COMMENTS_AND_LIKES[type].commentColumn} = ${itemColumn} and ${visible.sql})::int`,
    params: visible.params,
  };
}

/** SQL that is true when the viewer likes the item in `itemColumn`. */
export function likedSql(type: CommentableType, itemColumn: string, viewerId: string | null): SqlFragment {
  const { likeTable, likeColumn } = COMMENTS_AND_LIKES[type];
  return {
    sql: `exists (select 1 from ${likeTable} l where l.${likeColumn} = ${itemColumn} and l.user_id = ?)`,
    params: [viewerId],
  };
}
