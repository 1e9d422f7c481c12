import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRows, uuidArray } from '../database/sql';

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

/**
 * SQL condition "neither the viewer nor the user in `column` blocks the other", for lists of people
 * in other modules (people search), which must never show either side of a block.
 */
export function unblockedCondition(column: string, viewerId: string): { sql: string; params: string[] } {
  return {
    sql: `not exists (select 1 from user_block ub
      where (ub.blocker_id = ? and ub.blocked_id = ${column}) or (ub.blocker_id = ${column} and ub.blocked_id = ?))`,
    params: [viewerId, viewerId],
  };
}

/** SQL of the friends module's tables for the rules in FriendsService (new queries; older ones are still in the service). */
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
}
