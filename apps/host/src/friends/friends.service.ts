import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { Keyset } from '../common/pagination';
import { badRequest, notFound } from '../common/problem';
import { FriendGroupsRepository } from './friend-groups.repository';
import { FriendRequestsRepository } from './friend-requests.repository';
import { FriendRow, FriendsRepository } from './friends.repository';

export type { FriendRow } from './friends.repository';

/** What the privacy rule needs to know about a viewer, relative to an author. */
export interface Relation {
  isFriend: boolean;
  blockedByAuthor: boolean;
  /** The author's groups the viewer belongs to. */
  groupIds: string[];
}

/**
 * How a viewer stands to another person, for lists of people: themselves, a friend, a pending request
 * either way, someone the viewer blocked, or none of these.
 */
export const PERSON_RELATIONSHIPS = [
  'self',
  'friend',
  'requestSent',
  'requestReceived',
  'blocking',
  'none',
] as const;
export type PersonRelationship = (typeof PERSON_RELATIONSHIPS)[number];

export interface PersonRelation {
  relationship: PersonRelationship;
  /** The pending request behind `requestSent` or `requestReceived`, to cancel or answer it. */
  friendRequestId: string | null;
  /** They blocked the viewer: callers hide them (a person's block is not shown to the one blocked). */
  blockedByThem: boolean;
}

/**
 * The friend graph: how people stand to each other, friendships and blocks. Requests are
 * FriendRequestsService's, groups FriendGroupsService's.
 */
@Injectable()
export class FriendsService {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: FriendsRepository,
    private readonly requests: FriendRequestsRepository,
    private readonly groups: FriendGroupsRepository,
    private readonly accounts: AccountsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  // ── relations ────────────────────────────────────────────────────────────

  areFriends(a: string, b: string): Promise<boolean> {
    return this.repository.areFriends(a, b);
  }

  hasBlocked(blockerId: string, blockedId: string): Promise<boolean> {
    return this.repository.hasBlocked(blockerId, blockedId);
  }

  async relation(authorId: string, viewerId: string): Promise<Relation> {
    const row = await this.repository.authorRelation(authorId, viewerId);
    return { isFriend: row.is_friend, blockedByAuthor: row.blocked, groupIds: row.group_ids ?? [] };
  }

  /** How the viewer (null: an anonymous visitor) stands to each of `ids`. */
  async relationships(viewerId: string | null, ids: readonly string[]): Promise<Map<string, PersonRelation>> {
    const unique = [...new Set(ids)];
    const none: PersonRelation = { relationship: 'none', friendRequestId: null, blockedByThem: false };
    if (viewerId === null) return new Map(unique.map((id) => [id, none]));
    const rows = unique.length > 0 ? await this.repository.relations(viewerId, unique) : [];
    return new Map(
      rows.map((row): [string, PersonRelation] => {
        const blockedByThem = row.blocked_by;
        if (row.id === viewerId) return [row.id, { ...none, relationship: 'self' }];
        if (row.blocking) return [row.id, { ...none, relationship: 'blocking', blockedByThem }];
        if (row.is_friend) return [row.id, { ...none, relationship: 'friend', blockedByThem }];
        if (row.sent_request_id) {
          return [
            row.id,
            { relationship: 'requestSent', friendRequestId: row.sent_request_id, blockedByThem },
          ];
        }
        if (row.received_request_id) {
          return [
            row.id,
            { relationship: 'requestReceived', friendRequestId: row.received_request_id, blockedByThem },
          ];
        }
        return [row.id, { ...none, blockedByThem }];
      }),
    );
  }

  // ── friendships ──────────────────────────────────────────────────────────

  /** My friends, newest friendship first, leaving out suspended ones. The keyset id is the friend's id. */
  listFriends(userId: string, limit: number, after?: Keyset): Promise<FriendRow[]> {
    return this.repository.listFriends(userId, limit, after);
  }

  /** Ends a friendship in both directions and takes each out of the other's groups. */
  async removeFriend(userId: string, friendId: string): Promise<void> {
    await this.em.transactional(async () => {
      const removed = await this.unfriend(userId, friendId);
      if (removed === 0) throw notFound('Friend');
    });
  }

  private async unfriend(a: string, b: string): Promise<number> {
    const removed = await this.repository.deleteFriendship(a, b);
    await this.groups.removeFromEachOthersGroups(a, b);
    return removed;
  }

  // ── blocks ───────────────────────────────────────────────────────────────

  /**
   * Blocking also ends the friendship and any pending requests between the two. Requests are
   * cancelled first: a racing accept then either loses its request or has committed the friendship
   * that the delete below removes.
   */
  async block(blockerId: string, blockedId: string): Promise<void> {
    if (blockerId === blockedId) throw badRequest('cannot_target_self', 'You cannot block yourself');
    await this.accounts.getUser(blockedId);
    await this.em.transactional(async () => {
      await this.requests.cancelPendingBetween(blockerId, blockedId, this.clock.now());
      await this.repository.insertBlock(blockerId, blockedId, this.clock.now());
      await this.unfriend(blockerId, blockedId);
    });
  }

  async unblock(blockerId: string, blockedId: string): Promise<void> {
    const removed = await this.repository.deleteBlock(blockerId, blockedId);
    if (removed === 0) throw notFound('Block');
  }

  listBlocks(blockerId: string): Promise<{ blocked_id: string; created_at: Date }[]> {
    return this.repository.listBlocks(blockerId);
  }
}
