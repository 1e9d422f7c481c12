import { notSuspended } from '../accounts/accounts.fragments';

/**
 * Typed query fragments over the friends module's tables (friendship, user_block, friend_group_member),
 * for other modules' lists that must follow the friend graph inside their own query: the feed's
 * actors, the privacy rule's list face, people search, apps' friend lists. Other modules never name
 * these tables themselves.
 */

/** SQL text with the parameters of its `?` placeholders, in order. */
export interface FriendsCondition {
  sql: string;
  params: string[];
}

/**
 * SQL condition "the user in `column` is a friend of `userId`, neither blocks the other, and they are
 * not suspended", with its parameters, for lists in other modules that join against the friend graph.
 */
export function friendOfCondition(column: string, userId: string): FriendsCondition {
  return {
    sql: `${notSuspended(column)}
      and exists (select 1 from friendship where user_id = ? and friend_id = ${column})
      and not exists (select 1 from user_block
        where (blocker_id = ? and blocked_id = ${column}) or (blocker_id = ${column} and blocked_id = ?))`,
    params: [userId, userId, userId],
  };
}

/**
 * SQL condition "neither the viewer nor the user in `column` blocks the other", for lists of people
 * in other modules (people search), which must never show either side of a block.
 */
export function unblockedCondition(column: string, viewerId: string): FriendsCondition {
  return {
    sql: `not exists (select 1 from user_block ub
      where (ub.blocker_id = ? and ub.blocked_id = ${column}) or (ub.blocker_id = ${column} and ub.blocked_id = ?))`,
    params: [viewerId, viewerId],
  };
}

/** A query of the ids (column `id`) of `userId`'s friends, suspended ones included, one row each. */
export function friendIdsQuery(userId: string): FriendsCondition {
  return { sql: 'select f.friend_id as id from friendship f where f.user_id = ?', params: [userId] };
}

/** SQL condition "the user in `userColumn` counts `friendId` among their friends" (one direction). */
export function hasFriendCondition(userColumn: string, friendId: string): FriendsCondition {
  return {
    sql: `exists (select 1 from friendship pf where pf.user_id = ${userColumn} and pf.friend_id = ?)`,
    params: [friendId],
  };
}

/** SQL condition "the user in `blockerColumn` has not blocked `blockedId`" (one direction). */
export function notBlockingCondition(blockerColumn: string, blockedId: string): FriendsCondition {
  return {
    sql: `not exists (select 1 from user_block pb where pb.blocker_id = ${blockerColumn} and pb.blocked_id = ?)`,
    params: [blockedId],
  };
}

/** A join clause and the condition that goes with it in the WHERE clause. */
export interface FriendsJoin {
  join: string;
  where: FriendsCondition;
}

/**
 * Joins the memberships of the friend group that `groupColumn` names and keeps the row only when
 * `memberId` is in that group, for conditions over audiences chosen by friend group.
 */
export function groupMemberJoin(groupColumn: string, memberId: string): FriendsJoin {
  return {
    join: `join friend_group_member pm on pm.group_id = ${groupColumn}`,
    where: { sql: 'pm.member_id = ?', params: [memberId] },
  };
}
