import { notSuspended } from '../accounts/accounts.fragments';
import { moderatedCondition, type SqlFragment, visibleCondition } from '../privacy/privacy.fragments';

/**
 * Typed query fragments over the posts module's tables (post, comment and the like tables), for lists
 * that show posts, comments or like counts inside their own query: the feed, albums' photos. Other
 * modules never name these tables themselves.
 */

/** What people can comment on and like: posts, and photos (registered by the albums module). */
export type CommentableType = 'post' | 'photo';

/** Fixed per type (never from input): the comment column and the like table of each kind of item. */
export const COMMENTABLE_TABLES = {
  post: { commentColumn: 'post_id', likeTable: 'post_like', likeColumn: 'post_id' },
  photo: { commentColumn: 'photo_id', likeTable: 'photo_like', likeColumn: 'photo_id' },
} as const;

/** The columns of a comment that the moderation part of the privacy rule reads. */
export const commentColumns = (alias: string) => ({
  authorId: `${alias}.author_id`,
  moderation: `${alias}.moderation`,
});

/** The columns of a post that the privacy rule reads. */
export const postColumns = (alias: string) => ({
  id: `${alias}.id`,
  authorId: `${alias}.author_id`,
  level: `${alias}.privacy`,
  moderation: `${alias}.moderation`,
});

/**
 * SQL of an item's like count, for the item in `itemColumn`: likes of suspended accounts are not
 * counted while the suspension lasts (the likes stay, and count again once it is lifted).
 */
export function likeCountSql(type: CommentableType, itemColumn: string): string {
  const { likeTable, likeColumn } = COMMENTABLE_TABLES[type];
  return `(select count(*) from ${likeTable} l where l.${likeColumn} = ${itemColumn} and ${notSuspended('l.user_id')})::int`;
}

/** SQL of how many comments on the item in `itemColumn` the viewer may see. */
export function commentCountSql(
  type: CommentableType,
  itemColumn: string,
  viewerId: string | null,
): SqlFragment {
  const visible = moderatedCondition(viewerId, commentColumns('c'));
  return {
    sql: `(select count(*) from comment c where c.${COMMENTABLE_TABLES[type].commentColumn} = ${itemColumn} and ${visible.sql})::int`,
    params: visible.params,
  };
}

/** SQL of whether the viewer likes the item in `itemColumn`. */
export function likedSql(type: CommentableType, itemColumn: string, viewerId: string | null): SqlFragment {
  const { likeTable, likeColumn } = COMMENTABLE_TABLES[type];
  return {
    sql: `exists (select 1 from ${likeTable} l where l.${likeColumn} = ${itemColumn} and l.user_id = ?)`,
    params: [viewerId],
  };
}

/** A join clause and the condition that goes with it in the WHERE clause. */
export interface JoinFragment {
  join: string;
  where: SqlFragment;
}

/**
 * Joins the post that `postIdColumn` names (as `alias`) and keeps the row only when the viewer may
 * see that post under the privacy rule.
 */
export function visiblePostJoin(viewerId: string | null, postIdColumn: string, alias = 'p'): JoinFragment {
  return {
    join: `join post ${alias} on ${alias}.id = ${postIdColumn}`,
    where: visibleCondition(viewerId, postColumns(alias)),
  };
}

/**
 * Joins the comment that the nullable `commentIdColumn` names (as `alias`) and keeps the row when
 * there is none, or when the viewer may see it (a held comment is its author's alone).
 */
export function optionalCommentJoin(
  viewerId: string | null,
  commentIdColumn: string,
  alias = 'fc',
): JoinFragment {
  const visible = moderatedCondition(viewerId, commentColumns(alias));
  return {
    join: `left join comment ${alias} on ${alias}.id = ${commentIdColumn}`,
    where: { sql: `(${commentIdColumn} is null or ${visible.sql})`, params: visible.params },
  };
}
