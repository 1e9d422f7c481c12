import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { notSuspended } from '../accounts/accounts.fragments';
import { sqlRows, sqlRun } from '../database/sql';
import { FriendGroup } from './friend-group.entity';

/** SQL of the friend groups (friend_group, friend_group_member) for FriendGroupsService. */
@Injectable()
export class FriendGroupsRepository {
  constructor(private readonly em: EntityManager) {}

  /** The owner's groups, oldest first. */
  listByOwner(ownerId: string): Promise<FriendGroup[]> {
    return this.em.find(FriendGroup, { ownerId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /** The members of all the owner's groups, leaving out suspended ones (they stay in the group). */
  membersOfOwner(ownerId: string): Promise<{ group_id: string; member_id: string }[]> {
    return sqlRows<{ group_id: string; member_id: string }>(
      this.em,
      `select m.group_id, m.member_id from friend_group_member m join friend_group g on g.id = m.group_id
        where g.owner_id = ? and ${notSuspended('m.member_id')} order by m.member_id`,
      [ownerId],
    );
  }

  countByOwner(ownerId: string): Promise<number> {
    return this.em.count(FriendGroup, { ownerId });
  }

  /** A new group; `save` stores it. */
  create(ownerId: string, name: string, now: Date): FriendGroup {
    return this.em.create(FriendGroup, { ownerId, name, createdAt: now });
  }

  /** Stores a new or renamed group now; a taken name fails with the unique index's violation. */
  async save(group: FriendGroup): Promise<void> {
    await this.em.persistAndFlush(group);
  }

  /** Deletes one of the owner's groups; returns how many went (0 when the owner has no such group). */
  deleteOwned(ownerId: string, groupId: string): Promise<number> {
    return sqlRun(this.em, 'delete from friend_group where id = ? and owner_id = ?', [groupId, ownerId]);
  }

  /** Of `groupIds`, those the owner owns. */
  async ownedIds(ownerId: string, groupIds: string[]): Promise<Set<string>> {
    const owned = await this.em.find(FriendGroup, { ownerId, id: { $in: groupIds } }, { fields: ['id'] });
    return new Set(owned.map((group) => group.id));
  }

  async addMember(groupId: string, memberId: string): Promise<void> {
    await sqlRun(
      this.em,
      'insert into friend_group_member (group_id, member_id) values (?, ?) on conflict do nothing',
      [groupId, memberId],
    );
  }

  /** Returns how many memberships went (0 when the member was not in the group). */
  removeMember(groupId: string, memberId: string): Promise<number> {
    return sqlRun(this.em, 'delete from friend_group_member where group_id = ? and member_id = ?', [
      groupId,
      memberId,
    ]);
  }

  /** Takes each of the two out of the other's groups (their friendship ended). */
  async removeFromEachOthersGroups(a: string, b: string): Promise<void> {
    await sqlRun(
      this.em,
      `delete from friend_group_member m using friend_group g
        where m.group_id = g.id and ((g.owner_id = ? and m.member_id = ?) or (g.owner_id = ? and m.member_id = ?))`,
      [a, b, b, a],
    );
  }
}
