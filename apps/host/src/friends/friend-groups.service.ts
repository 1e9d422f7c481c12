import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { conflict, notFound } from '../common/problem';
import { nonBlank } from '../common/text';
import { FriendGroup } from './friend-group.entity';
import { FriendGroupsRepository } from './friend-groups.repository';
import { FriendsService } from './friends.service';

/** Friend groups: named sets of the owner's friends ("classmates", "family"), usable as a post audience. */
@Injectable()
export class FriendGroupsService {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: FriendGroupsRepository,
    private readonly friends: FriendsService,
    private readonly accounts: AccountsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The owner's groups with their members, leaving out suspended members (they stay in the group). */
  async listGroups(ownerId: string): Promise<{ group: FriendGroup; memberIds: string[] }[]> {
    const groups = await this.repository.listByOwner(ownerId);
    if (groups.length === 0) return [];
    const members = await this.repository.membersOfOwner(ownerId);
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
      const count = await this.repository.countByOwner(ownerId);
      if (count >= LIMITS.friendGroupsPerUser) {
        throw conflict(
          'group_limit_reached',
          `You can have at most ${LIMITS.friendGroupsPerUser} friend groups`,
        );
      }
      const group = this.repository.create(ownerId, nonBlank(name, 'name'), this.clock.now());
      await this.saveGroup(group);
      return group;
    });
  }

  async renameGroup(ownerId: string, groupId: string, name: string): Promise<FriendGroup> {
    const { group } = await this.getGroup(ownerId, groupId);
    group.name = nonBlank(name, 'name');
    await this.saveGroup(group);
    return group;
  }

  private async saveGroup(group: FriendGroup): Promise<void> {
    try {
      await this.repository.save(group);
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
      const removed = await this.repository.deleteOwned(ownerId, groupId);
      if (removed === 0) throw notFound('Friend group');
      await this.accounts.forgetDefaultGroup(ownerId, groupId);
    });
  }

  async addMember(ownerId: string, groupId: string, friendId: string): Promise<void> {
    await this.getGroup(ownerId, groupId);
    // A suspended friend is nobody's friend while it lasts, as in the friend list and apps' friends.
    if (!(await this.friends.areFriends(ownerId, friendId)) || (await this.accounts.isSuspended(friendId)))
      throw conflict('not_friends', 'Only friends can be put in a group');
    await this.repository.addMember(groupId, friendId);
  }

  async removeMember(ownerId: string, groupId: string, memberId: string): Promise<void> {
    await this.getGroup(ownerId, groupId);
    const removed = await this.repository.removeMember(groupId, memberId);
    if (removed === 0) throw notFound('Group member');
  }

  /** Ids among `groupIds` that `ownerId` does not own. */
  async foreignGroups(ownerId: string, groupIds: string[]): Promise<string[]> {
    if (groupIds.length === 0) return [];
    const ownedIds = await this.repository.ownedIds(ownerId, groupIds);
    return groupIds.filter((id) => !ownedIds.has(id));
  }
}
