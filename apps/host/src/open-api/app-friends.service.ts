import { HttpStatus, Injectable } from '@nestjs/common';
import { AuthorizationsService } from '../apps/authorizations.service';
import { decodeKeyCursor, encodeKeyCursor } from '../common/pagination';
import { notFound, ProblemException } from '../common/problem';
import { FriendsService } from '../friends/friends.service';
import type { AccessContext } from '../access-context/access-context';
import { UserDirectoryService } from '../profiles/user-directory.service';
import type { AppFriend, AppFriendPage, AppFriendStatus } from './dto/open-api.dto';
import { OpenProfilesService } from './open-profiles.service';

/** What an openid can look like; anything else names nobody. */
export const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Lists of friends as an app sees them are ordered by openid, so a page ends at an openid. */
export const encodeOpenidCursor = (openid: string): string => encodeKeyCursor('openid', openid);

export const decodeOpenidCursor = (cursor: string | undefined): string | undefined =>
  decodeKeyCursor('openid', cursor, (openid) => OPENID_PATTERN.test(openid));

/**
 * The user's friends as an app sees them: only friends who authorized the same app (and are in no
 * block relation with the user), each under the app's openid.
 */
@Injectable()
export class AppFriendsService {
  constructor(
    private readonly authorizations: AuthorizationsService,
    private readonly friends: FriendsService,
    private readonly directory: UserDirectoryService,
    private readonly profiles: OpenProfilesService,
  ) {}

  async page(access: AccessContext, limit: number, cursor: string | undefined): Promise<AppFriendPage> {
    const rows = await this.authorizations.appFriends(
      access.appId,
      access.userId,
      limit + 1,
      decodeOpenidCursor(cursor),
    );
    const pageRows = rows.slice(0, limit);
    const userIds = pageRows.map((row) => row.userId);
    const [people, vip] = await Promise.all([
      this.directory.summaries(userIds),
      this.profiles.vipOf(access, userIds),
    ]);
    // A plain loop and no object spread: this list is built on every call of an app's hottest read.
    const items: AppFriend[] = [];
    for (const row of pageRows) {
      const person = people.get(row.userId);
      if (!person) continue;
      const friend: AppFriend = {
        openid: row.openid,
        nickname: person.nickname,
        headPortraitUrl: person.avatarUrl,
      };
      if (vip) friend.vip = vip.get(row.userId)!;
      items.push(friend);
    }
    return {
      items,
      nextCursor: rows.length > limit ? encodeOpenidCursor(pageRows[pageRows.length - 1].openid) : null,
    };
  }

  /**
   * Whether the openid is an app friend of the token's user: the same answer as "is in the friends
   * list". An openid the app was never given (another app's, or made up) is 404.
   */
  async status(access: AccessContext, openid: string): Promise<AppFriendStatus> {
    const { userId, isFriend } = await this.relation(access, openid);
    const vip = await this.profiles.vipOf(access, [userId]);
    return vip ? { openid, isFriend, vip: vip.get(userId)! } : { openid, isFriend };
  }

  /**
   * The user behind an openid that must be an app friend of the token's user (someone to send a gift
   * or a notification to): 404 for an openid the app was never given, 403 `not_friends` otherwise.
   */
  async requireAppFriend(access: AccessContext, openid: string): Promise<string> {
    const { userId, isFriend } = await this.relation(access, openid);
    if (!isFriend) {
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'not_friends',
        'This openid must belong to a friend of the user who also uses this app',
      );
    }
    return userId;
  }

  /**
   * A block ends a friendship, so friends are never in a block relation. A suspended user is nobody's
   * app friend while it lasts, as they are in no friends list.
   */
  private async relation(
    access: AccessContext,
    openid: string,
  ): Promise<{ userId: string; isFriend: boolean }> {
    const otherId = OPENID_PATTERN.test(openid)
      ? await this.authorizations.userIdForOpenid(access.appId, openid)
      : null;
    if (!otherId) throw notFound('User');
    const [areFriends, state] = await Promise.all([
      this.friends.areFriends(access.userId, otherId),
      this.authorizations.accessState(access.appId, otherId),
    ]);
    return { userId: otherId, isFriend: areFriends && state !== null && !state.userSuspended };
  }
}
