import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { notSuspended } from '../accounts/accounts.repository';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { Keyset, keysetCondition } from '../common/pagination';
import { badRequest, conflict, notFound, ProblemException } from '../common/problem';
import { nonBlank } from '../common/text';
import { sqlRows, sqlRun } from '../database/sql';
import { EventsService } from '../events/events.service';
import { NotificationsService } from '../notifications/notifications.service';
import { FriendGroup } from './friend-group.entity';
import { FriendRequest, FriendRequestStatus } from './friend-request.entity';
import { FriendsRepository } from './friends.repository';

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

export interface FriendRow {
  friend_id: string;
  created_at: Date;
  id: string;
}

/**
 * SQL condition "the user in `column` is a friend of `userId`, neither blocks the other, and they are
 * not suspended", with its parameters, for lists in other modules that join against the friend graph.
 */
export function friendOfCondition(column: string, userId: string): { sql: string; params: string[] } {
  return {
    sql: `${notSuspended(column)}
      and exists (select 1 from friendship where user_id = ? and friend_id = ${column})
      and not exists (select 1 from user_block
        where (blocker_id = ? and blocked_id = ${column}) or (blocker_id = ${column} and blocked_id = ?))`,
    params: [userId, userId, userId],
  };
}

@Injectable()
export class FriendsService {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: FriendsRepository,
    private readonly accounts: AccountsService,
    private readonly notifications: NotificationsService,
    private readonly events: EventsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  // ── relations ────────────────────────────────────────────────────────────

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

  async relation(authorId: string, viewerId: string): Promise<Relation> {
    const [row] = await sqlRows<{ is_friend: boolean; blocked: boolean; group_ids: string[] | null }>(
      this.em,
      `select exists(select 1 from friendship where user_id = ? and friend_id = ?) as is_friend,
              exists(select 1 from user_block where blocker_id = ? and blocked_id = ?) as blocked,
              (select array_agg(g.id::text) from friend_group g
                 join friend_group_member m on m.group_id = g.id
                where g.owner_id = ? and m.member_id = ?) as group_ids`,
      [authorId, viewerId, authorId, viewerId, authorId, viewerId],
    );
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

  // ── requests ─────────────────────────────────────────────────────────────

  async sendRequest(fromId: string, toId: string, note: string | undefined): Promise<FriendRequest> {
    if (fromId === toId) throw badRequest('cannot_target_self', 'You cannot befriend yourself');
    await this.accounts.presentTo(fromId, toId);
    return this.em
      .transactional(async () => {
        if (await this.hasBlocked(toId, fromId)) {
          throw new ProblemException(
            HttpStatus.FORBIDDEN,
            'blocked',
            'This user does not accept your requests',
          );
        }
        if (await this.hasBlocked(fromId, toId)) {
          throw conflict('blocked', 'Unblock this user before sending a friend request');
        }
        if (await this.areFriends(fromId, toId)) throw conflict('already_friends', 'You are already friends');
        const reverse = await this.em.findOne(FriendRequest, {
          fromId: toId,
          toId: fromId,
          status: 'pending',
        });
        if (reverse)
          throw conflict(
            'reverse_request_pending',
            'This user already sent you a request: accept it instead',
          );
        const request = this.em.create(FriendRequest, {
          fromId,
          toId,
          note: note ?? null,
          status: 'pending',
          createdAt: this.clock.now(),
          decidedAt: null,
        });
        this.em.persist(request);
        this.notifications.notify({
          recipientId: toId,
          kind: 'friend_request_received',
          actorId: fromId,
          subjectId: request.id,
        });
        await this.em.flush();
        return request;
      })
      .catch(async (error: unknown) => {
        // The pending-pair index also catches a request the other person sent at the same moment.
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
        const reverse = await this.em.findOne(FriendRequest, {
          fromId: toId,
          toId: fromId,
          status: 'pending',
        });
        throw reverse
          ? conflict('reverse_request_pending', 'This user already sent you a request: accept it instead')
          : conflict('request_pending', 'You already sent this user a request');
      });
  }

  /**
   * A request the viewer sent or received, as long as the other side is not suspended: hidden like
   * everything else of theirs (404), so it can be neither answered nor withdrawn until the suspension ends.
   */
  async getRequest(viewerId: string, requestId: string): Promise<FriendRequest> {
    const request = await this.em.findOne(FriendRequest, { id: requestId });
    if (!request || (request.fromId !== viewerId && request.toId !== viewerId))
      throw notFound('Friend request');
    if (await this.accounts.isSuspended(request.fromId === viewerId ? request.toId : request.fromId)) {
      throw notFound('Friend request');
    }
    return request;
  }

  /**
   * Moves a pending request to its outcome with one conditional UPDATE, so of many racing decisions
   * exactly one wins and the rest see `request_not_pending`.
   */
  private async decide(
    viewerId: string,
    requestId: string,
    side: 'to_id' | 'from_id',
    status: FriendRequestStatus,
  ): Promise<FriendRequest> {
    const request = await this.getRequest(viewerId, requestId);
    if ((side === 'to_id' ? request.toId : request.fromId) !== viewerId) throw notFound('Friend request');
    const changed = await sqlRun(
      this.em,
      `update friend_request set status = ?, decided_at = ? where id = ? and ${side} = ? and status = 'pending'`,
      [status, this.clock.now(), requestId, viewerId],
    );
    if (changed === 0)
      throw conflict('request_not_pending', 'This request was already answered or withdrawn');
    request.status = status;
    return request;
  }

  async accept(viewerId: string, requestId: string): Promise<FriendRequest> {
    return this.em.transactional(async () => {
      const request = await this.decide(viewerId, requestId, 'to_id', 'accepted');
      const now = this.clock.now();
      await sqlRun(
        this.em,
        `insert into friendship (user_id, friend_id, created_at) values (?, ?, ?), (?, ?, ?) on conflict do nothing`,
        [request.fromId, request.toId, now, request.toId, request.fromId, now],
      );
      await this.events.publishFriendAdded(request.toId, request.fromId);
      this.notifications.notify({
        recipientId: request.fromId,
        kind: 'friend_request_accepted',
        actorId: request.toId,
        subjectId: request.id,
      });
      await this.em.flush();
      return request;
    });
  }

  decline(viewerId: string, requestId: string): Promise<FriendRequest> {
    return this.em.transactional(() => this.decide(viewerId, requestId, 'to_id', 'declined'));
  }

  cancel(viewerId: string, requestId: string): Promise<FriendRequest> {
    return this.em.transactional(() => this.decide(viewerId, requestId, 'from_id', 'cancelled'));
  }

  async listRequests(viewerId: string, direction: 'incoming' | 'outgoing', limit: number, after?: Keyset) {
    const keyset = keysetCondition('r', after);
    return sqlRows<{
      id: string;
      from_id: string;
      to_id: string;
      note: string | null;
      status: FriendRequestStatus;
      created_at: Date;
    }>(
      this.em,
      `select r.id, r.from_id, r.to_id, r.note, r.status, r.created_at from friend_request r
        where r.${direction === 'incoming' ? 'to_id' : 'from_id'} = ? and r.status = 'pending'
          and ${notSuspended(`r.${direction === 'incoming' ? 'from_id' : 'to_id'}`)} and ${keyset.sql}
        order by r.created_at desc, r.id desc limit ?`,
      [viewerId, ...keyset.params, limit + 1],
    );
  }

  // ── friendships ──────────────────────────────────────────────────────────

  /** My friends, newest friendship first, leaving out suspended ones. The keyset id is the friend's id. */
  async listFriends(userId: string, limit: number, after?: Keyset): Promise<FriendRow[]> {
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

  /** Ends a friendship in both directions and takes each out of the other's groups. */
  async removeFriend(userId: string, friendId: string): Promise<void> {
    await this.em.transactional(async () => {
      const removed = await this.unfriend(userId, friendId);
      if (removed === 0) throw notFound('Friend');
    });
  }

  private async unfriend(a: string, b: string): Promise<number> {
    const removed = await sqlRun(
      this.em,
      'delete from friendship where (user_id = ? and friend_id = ?) or (user_id = ? and friend_id = ?)',
      [a, b, b, a],
    );
    await sqlRun(
      this.em,
      `delete from friend_group_member m using friend_group g
        where m.group_id = g.id and ((g.owner_id = ? and m.member_id = ?) or (g.owner_id = ? and m.member_id = ?))`,
      [a, b, b, a],
    );
    return removed;
  }

  // ── groups ───────────────────────────────────────────────────────────────

  /** The owner's groups with their members, leaving out suspended members (they stay in the group). */
  async listGroups(ownerId: string): Promise<{ group: FriendGroup; memberIds: string[] }[]> {
    const groups = await this.em.find(FriendGroup, { ownerId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    if (groups.length === 0) return [];
    const members = await sqlRows<{ group_id: string; member_id: string }>(
      this.em,
      `select m.group_id, m.member_id from friend_group_member m join friend_group g on g.id = m.group_id
        where g.owner_id = ? and ${notSuspended('m.member_id')} order by m.member_id`,
      [ownerId],
    );
    return groups.map((group) => ({
      group,
      memberIds: members.filter((member) => member.group_id === group.id).map((member) => member.member_id),
    }));
  }

  async getGroup(ownerId: string, groupId: string): Promise<{ group: FriendGroup; memberIds: string[] }> {
    const found = (await this.listGroups(ownerId)).find((entry) => entry.group.id === groupId);
    if (!found) throw notFound('Friend group');
    return found;
  }

  async createGroup(ownerId: string, name: string): Promise<FriendGroup> {
    return this.em.transactional(async () => {
      const count = await this.em.count(FriendGroup, { ownerId });
      if (count >= LIMITS.friendGroupsPerUser) {
        throw conflict(
          'group_limit_reached',
          `You can have at most ${LIMITS.friendGroupsPerUser} friend groups`,
        );
      }
      const group = this.em.create(FriendGroup, {
        ownerId,
        name: nonBlank(name, 'name'),
        createdAt: this.clock.now(),
      });
      await this.flushGroup(group);
      return group;
    });
  }

  async renameGroup(ownerId: string, groupId: string, name: string): Promise<FriendGroup> {
    const { group } = await this.getGroup(ownerId, groupId);
    group.name = nonBlank(name, 'name');
    await this.flushGroup(group);
    return group;
  }

  private async flushGroup(group: FriendGroup): Promise<void> {
    try {
      await this.em.persistAndFlush(group);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw conflict('group_name_taken', 'You already have a group with that name');
      }
      throw error;
    }
  }

  /** Deletes a group, and takes it out of its owner's default audience for new posts. */
  async deleteGroup(ownerId: string, groupId: string): Promise<void> {
    await this.em.transactional(async () => {
      const removed = await sqlRun(this.em, 'delete from friend_group where id = ? and owner_id = ?', [
        groupId,
        ownerId,
      ]);
      if (removed === 0) throw notFound('Friend group');
      await this.accounts.forgetDefaultGroup(ownerId, groupId);
    });
  }

  async addMember(ownerId: string, groupId: string, friendId: string): Promise<void> {
    await this.getGroup(ownerId, groupId);
    // A suspended friend is nobody's friend while it lasts, as in the friend list and apps' friends.
    if (!(await this.areFriends(ownerId, friendId)) || (await this.accounts.isSuspended(friendId)))
      throw conflict('not_friends', 'Only friends can be put in a group');
    await sqlRun(
      this.em,
      'insert into friend_group_member (group_id, member_id) values (?, ?) on conflict do nothing',
      [groupId, friendId],
    );
  }

  async removeMember(ownerId: string, groupId: string, memberId: string): Promise<void> {
    await this.getGroup(ownerId, groupId);
    const removed = await sqlRun(
      this.em,
      'delete from friend_group_member where group_id = ? and member_id = ?',
      [groupId, memberId],
    );
    if (removed === 0) throw notFound('Group member');
  }

  /** Ids among `groupIds` that `ownerId` does not own. */
  async foreignGroups(ownerId: string, groupIds: string[]): Promise<string[]> {
    if (groupIds.length === 0) return [];
    const owned = await this.em.find(FriendGroup, { ownerId, id: { $in: groupIds } }, { fields: ['id'] });
    const ownedIds = new Set(owned.map((group) => group.id));
    return groupIds.filter((id) => !ownedIds.has(id));
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
      await sqlRun(
        this.em,
        `update friend_request set status = 'cancelled', decided_at = ?
          where status = 'pending' and ((from_id = ? and to_id = ?) or (from_id = ? and to_id = ?))`,
        [this.clock.now(), blockerId, blockedId, blockedId, blockerId],
      );
      await sqlRun(
        this.em,
        'insert into user_block (blocker_id, blocked_id, created_at) values (?, ?, ?) on conflict do nothing',
        [blockerId, blockedId, this.clock.now()],
      );
      await this.unfriend(blockerId, blockedId);
    });
  }

  async unblock(blockerId: string, blockedId: string): Promise<void> {
    const removed = await sqlRun(this.em, 'delete from user_block where blocker_id = ? and blocked_id = ?', [
      blockerId,
      blockedId,
    ]);
    if (removed === 0) throw notFound('Block');
  }

  async listBlocks(blockerId: string): Promise<{ blocked_id: string; created_at: Date }[]> {
    return sqlRows(
      this.em,
      'select blocked_id, created_at from user_block where blocker_id = ? order by created_at desc',
      [blockerId],
    );
  }
}
