import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { LIMITS } from '../common/limits';
import { badRequest } from '../common/problem';
import { FriendGroupsService } from '../friends/friend-groups.service';
import { FriendsService, Relation } from '../friends/friends.service';
import type { ModerationState } from '../moderation/moderation-state';
import type { PrivacyLevel } from '../common/privacy-level';
import { type AudienceColumns, type SqlFragment, visibleCondition } from './privacy.fragments';
import { PrivacyRepository } from './privacy.repository';

export {
  type AudienceColumns,
  moderatedCondition,
  type ModeratedColumns,
  type SqlFragment,
} from './privacy.fragments';

/** Content under moderation: who wrote it and whether it is published. */
export interface Moderated {
  authorId: string;
  moderation: ModerationState;
}

/** An item under the privacy rule: who wrote it, who it is for, and whether it is published. */
export interface Audience extends Moderated {
  /** The item's id: `groups`-level items keep their chosen groups under it. */
  id: string;
  level: PrivacyLevel;
}

/**
 * The moderation part of the rule, for an author in good standing: the author always sees their own
 * content, others only published content. `PrivacyService.canViewModerated` adds the author's standing;
 * comments and board messages, whose audience is their post's or board's, use that alone.
 */
export function mayViewModerated(item: Moderated, viewerId: string | null): boolean {
  return item.moderation === 'published' || (viewerId !== null && viewerId === item.authorId);
}

/**
 * The rule itself, for one viewer and one item by an author in good standing (`PrivacyService.canView`
 * adds the standing). `relation` is undefined for anonymous viewers and for the author. A blocked
 * viewer keeps seeing public items but nothing else. Content that is not published (held for review,
 * rejected, unpublished) is its author's alone.
 */
export function mayView(
  item: Pick<Audience, 'authorId' | 'level' | 'moderation'>,
  viewerId: string | null,
  relation: Relation | undefined,
  audienceGroupIds: readonly string[],
): boolean {
  if (viewerId !== null && viewerId === item.authorId) return true;
  if (item.moderation !== 'published') return false;
  if (item.level === 'public') return true;
  if (viewerId === null || !relation || relation.blockedByAuthor || !relation.isFriend) return false;
  if (item.level === 'friends') return true;
  if (item.level === 'groups') return relation.groupIds.some((groupId) => audienceGroupIds.includes(groupId));
  return false;
}

/** The request fields an audience comes from, named in its problems. */
export interface AudienceFieldNames {
  level: string;
  groups: string;
}

/** Posts and albums: `privacy` and `groupIds`. */
const POST_AUDIENCE_FIELDS: AudienceFieldNames = { level: 'privacy', groups: 'groupIds' };

/**
 * The one privacy rule ("may viewer V see item C?") with its two faces: `canView` for one item and
 * `visibleCondition` for lists. Every read path uses one of them; a test keeps them in agreement.
 * Content of a suspended author is its author's alone, whatever its audience, until the suspension
 * is lifted: the rule hides it everywhere at once and brings it back the same way.
 */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly repository: PrivacyRepository,
    private readonly friends: FriendsService,
    private readonly friendGroups: FriendGroupsService,
    private readonly accounts: AccountsService,
  ) {}

  async canView(viewerId: string | null, item: Audience): Promise<boolean> {
    if (viewerId !== null && viewerId === item.authorId) return true;
    if (item.moderation !== 'published') return false;
    if (await this.accounts.isSuspended(item.authorId)) return false;
    if (item.level === 'public') return true;
    if (viewerId === null || item.level === 'private') return false;
    const relation = await this.friends.relation(item.authorId, viewerId);
    const groups = item.level === 'groups' ? await this.audienceGroups(item.id) : [];
    return mayView(item, viewerId, relation, groups);
  }

  /** The moderation part of the rule with the author's standing, for comments and board messages. */
  async canViewModerated(viewerId: string | null, item: Moderated): Promise<boolean> {
    if (!mayViewModerated(item, viewerId)) return false;
    return viewerId === item.authorId || !(await this.accounts.isSuspended(item.authorId));
  }

  /**
   * Whether the viewer may act on a visible item (like, comment, repost, leave a message):
   * signed in, allowed to see it, and not blocked by its author.
   */
  async canInteract(viewerId: string, item: Audience): Promise<boolean> {
    if (viewerId === item.authorId) return true;
    if (await this.friends.hasBlocked(item.authorId, viewerId)) return false;
    return this.canView(viewerId, item);
  }

  /** The rule's list face (`visibleCondition` of privacy.fragments), for the row the columns name. */
  visibleCondition(viewerId: string | null, columns: AudienceColumns): SqlFragment {
    return visibleCondition(viewerId, columns);
  }

  audienceGroups(subjectId: string): Promise<string[]> {
    return this.repository.audienceGroups(subjectId);
  }

  /** Records who a `groups`-level item is for (and forgets it for other levels), under `checkAudience`. */
  async setAudience(
    item: Pick<Audience, 'id' | 'authorId' | 'level'>,
    groupIds: readonly string[] | undefined,
  ): Promise<void> {
    const chosen = await this.checkAudience(item.authorId, item.level, groupIds);
    await this.clearAudience(item.id);
    for (const groupId of chosen) await this.repository.addAudienceGroup(item.id, groupId);
  }

  /**
   * The chosen groups of an audience, lower-cased and without repeats, once they pass the rule:
   * `groups` needs at least one (at most LIMITS.audienceGroupsMax) of the author's own friend groups,
   * and every other level takes none. A `groups` audience with no groups would be the author's alone.
   */
  async checkAudience(
    authorId: string,
    level: PrivacyLevel,
    groupIds: readonly string[] | undefined,
    fields: AudienceFieldNames = POST_AUDIENCE_FIELDS,
  ): Promise<string[]> {
    const chosen = [...new Set((groupIds ?? []).map((id) => id.toLowerCase()))];
    const { level: levelField, groups } = fields;
    if (level === 'groups') {
      if (chosen.length === 0) {
        throw badRequest(
          'unknown_group',
          `${groups} must name at least one friend group when ${levelField} is "groups"`,
        );
      }
      if (chosen.length > LIMITS.audienceGroupsMax) {
        throw badRequest(
          'unknown_group',
          `${groups} may name at most ${LIMITS.audienceGroupsMax} friend groups`,
        );
      }
      if ((await this.friendGroups.foreignGroups(authorId, chosen)).length > 0) {
        throw badRequest('unknown_group', `${groups} must name only your own friend groups`);
      }
    } else if (chosen.length > 0) {
      throw badRequest('unknown_group', `${groups} may be sent only when ${levelField} is "groups"`);
    }
    return chosen;
  }

  clearAudience(subjectId: string): Promise<void> {
    return this.repository.clearAudience(subjectId);
  }
}
