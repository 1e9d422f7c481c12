import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { notSuspended } from '../accounts/accounts.fragments';
import type { Keyset } from '../common/pagination';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';

/** What stands between a viewer and one other person, as the friends module's tables record it. */
export interface RelationRow {
  id: string;
  is_friend: boolean;
  /** The viewer blocked them. */
  blocking: boolean;
  /** They blocked the viewer. */
  blocked_by: boolean;
  /** The viewer's pending request to them, and theirs to the viewer. */
  sent_request_id: string | null;
  received_request_id: string | null;
}

/** How a viewer stands to an author, as the privacy rule reads it. */
export interface AuthorRelationRow {
  is_friend: boolean;
  blocked: boolean;
  group_ids: string[] | null;
}

export interface FriendRow {
  friend_id: string;
  created_at: Date;
  id: string;
}

/** SQL of the friend graph (friendship, user_block) and of how people stand to each other. */
@Injectable()
export class FriendsRepository {
  constructor(private readonly em: EntityManager) {}

  /** How the viewer stands to each of `ids`, in one query. */
  relations(viewerId: string, ids: readonly string[]): Promise<RelationRow[]> {
    return sqlRows<RelationRow>(
      this.em,
      `select p.id,
              exists (select 1 from friendship f where f.user_id = ? and f.friend_id = p.id) as is_friend,
              exists (select 1 from user_block b where b.blocker_id = ? and b.blocked_id = p.id) as blocking,
              exists (select 1 from user_block b where b.blocker_id = p.id and b.blocked_id = ?) as blocked_by,
              (select r.id from friend_request r
                where r.from_id = ? and r.to_id = p.id and r.status = 'pending') as sent_request_id,
              (select r.id from friend_request r
                where r.from_id = p.id and r.to_id = ? and r.status = 'pending') as received_request_id
         from unnest(?::uuid[]) as p(id)`,
      [viewerId, viewerId, viewerId, viewerId, viewerId, uuidArray(ids)],
    );
  }

  /** Whether the author befriended and blocked the viewer, and which of the author's groups hold them. */
  async authorRelation(authorId: string, viewerId: string): Promise<AuthorRelationRow> {
    const [row] = await sqlRows<AuthorRelationRow>(
      this.em,
      `select exists(select 1 from friendship where user_id = ? and friend_id = ?) as is_friend,
              exists(select 1 from user_block where blocker_id = ? and blocked_id = ?) as blocked,
              (select array_agg(g.id::text) from friend_group g
                 join friend_group_member m on m.group_id = g.id
                where g.owner_id = ? and m.member_id = ?) as group_ids`,
      [authorId, viewerId, authorId, viewerId, authorId, viewerId],
    );
    return row;
  }

  async areFriends(a: string, b: string): Promise<boolean> {
    const rows = await sqlRows(this.em, 'select 1 from friendship where user_id = ? and friend_id = ?', [
      a,
      b,
    ]);
    return rows.length > 0;
  }

  async hasBlocked(blockerId: string, blockedId: string): Promise<boolean> {
    const rows = await sqlRows(this.em, 'select 1 from user_block where blocker_id = ? and blocked_id = ?', [
      blockerId,
      blockedId,
    ]);
    return rows.length > 0;
  }

  // ── friendships ──────────────────────────────────────────────────────────

  /** Records a friendship in both directions; one that exists stays as it is. */
  async insertFriendship(a: string, b: string, now: Date): Promise<void> {
    await sqlRun(
      this.em,
      `insert into friendship (user_id, friend_id, created_at) values (?, ?, ?), (?, ?, ?) on conflict do nothing`,
      [a, b, now, b, a, now],
    );
  }

  /** Deletes a friendship in both directions; returns how many rows went (0 when there was none). */
  deleteFriendship(a: string, b: string): Promise<number> {
    return sqlRun(
      this.em,
      'delete from friendship where (user_id = ? and friend_id = ?) or (user_id = ? and friend_id = ?)',
      [a, b, b, a],
    );
  }

  /** The user's friends, newest friendship first, leaving out suspended ones; one more than `limit`. */
  listFriends(userId: string, limit: number, after: Keyset | undefined): Promise<FriendRow[]> {
    const keyset = after
      ? { sql: '(f.created_at, f.friend_id) < (?, ?)', params: [after.createdAt, after.id] }
      : { sql: 'true', params: [] };
    return sqlRows<FriendRow>(
      this.em,
      `select f.friend_id, f.friend_id as id, f.created_at from friendship f
        where f.user_id = ? and ${notSuspended('f.friend_id')} and ${keyset.sql}
        order by f.created_at desc, f.friend_id desc limit ?`,
      [userId, ...keyset.params, limit + 1],
    );
  }

  // ── blocks ───────────────────────────────────────────────────────────────

  async insertBlock(blockerId: string, blockedId: string, now: Date): Promise<void> {
    await sqlRun(
      this.em,
      'insert into user_block (blocker_id, blocked_id, created_at) values (?, ?, ?) on conflict do nothing',
      [blockerId, blockedId, now],
    );
  }

  /** Lifts a block; returns how many rows went (0 when there was none). */
  deleteBlock(blockerId: string, blockedId: string): Promise<number> {
    return sqlRun(this.em, 'delete from user_block where blocker_id = ? and blocked_id = ?', [
      blockerId,
      blockedId,
    ]);
  }

  listBlocks(blockerId: string): Promise<{ blocked_id: string; created_at: Date }[]> {
    return sqlRows(
      this.em,
      'select blocked_id, created_at from user_block where blocker_id = ? order by created_at desc',
      [blockerId],
    );
  }
}
