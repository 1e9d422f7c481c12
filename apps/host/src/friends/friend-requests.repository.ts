import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { notSuspended } from '../accounts/accounts.fragments';
import { Keyset, keysetCondition } from '../common/pagination';
import { sqlRows, sqlRun } from '../database/sql';
import { FriendRequest, FriendRequestStatus } from './friend-request.entity';

export interface FriendRequestRow {
  id: string;
  from_id: string;
  to_id: string;
  note: string | null;
  status: FriendRequestStatus;
  created_at: Date;
}

/** SQL of the friend_request table for FriendRequestsService. */
@Injectable()
export class FriendRequestsRepository {
  constructor(private readonly em: EntityManager) {}

  find(requestId: string): Promise<FriendRequest | null> {
    return this.em.findOne(FriendRequest, { id: requestId });
  }

  /** The pending request from one person to another, if any. */
  findPending(fromId: string, toId: string): Promise<FriendRequest | null> {
    return this.em.findOne(FriendRequest, { fromId, toId, status: 'pending' });
  }

  /** A new pending request, persisted with the caller's next flush. */
  create(fromId: string, toId: string, note: string | null, now: Date): FriendRequest {
    const request = this.em.create(FriendRequest, {
      fromId,
      toId,
      note,
      status: 'pending',
      createdAt: now,
      decidedAt: null,
    });
    this.em.persist(request);
    return request;
  }

  /**
   * Moves the request to `status` if it is still pending and `viewerId` is on its `side`, with one
   * conditional UPDATE; returns how many rows changed (0 or 1).
   */
  decide(
    requestId: string,
    side: 'to_id' | 'from_id',
    viewerId: string,
    status: FriendRequestStatus,
    now: Date,
  ): Promise<number> {
    return sqlRun(
      this.em,
      `update friend_request set status = ?, decided_at = ? where id = ? and ${side} = ? and status = 'pending'`,
      [status, now, requestId, viewerId],
    );
  }

  /** Cancels every pending request between the two, either way. */
  async cancelPendingBetween(a: string, b: string, now: Date): Promise<void> {
    await sqlRun(
      this.em,
      `update friend_request set status = 'cancelled', decided_at = ?
        where status = 'pending' and ((from_id = ? and to_id = ?) or (from_id = ? and to_id = ?))`,
      [now, a, b, b, a],
    );
  }

  /** Pending requests to or from the viewer, newest first, without suspended other sides; one more than `limit`. */
  listPending(
    viewerId: string,
    direction: 'incoming' | 'outgoing',
    limit: number,
    after: Keyset | undefined,
  ): Promise<FriendRequestRow[]> {
    const keyset = keysetCondition('r', after);
    return sqlRows<FriendRequestRow>(
      this.em,
      `select r.id, r.from_id, r.to_id, r.note, r.status, r.created_at from friend_request r
        where r.${direction === 'incoming' ? 'to_id' : 'from_id'} = ? and r.status = 'pending'
          and ${notSuspended(`r.${direction === 'incoming' ? 'from_id' : 'to_id'}`)} and ${keyset.sql}
        order by r.created_at desc, r.id desc limit ?`,
      [viewerId, ...keyset.params, limit + 1],
    );
  }
}
