import { HttpStatus, Injectable } from '@nestjs/common';
import { AuthorizationsService } from '../apps/authorizations.service';
import { badRequest, notFound, ProblemException } from '../common/problem';
import { FriendsService } from '../friends/friends.service';
import type { AccessContext } from '../oauth/oauth-tokens.service';
import { UserDirectoryService } from '../spaces/user-directory.service';
import type { AppFriendPage, AppFriendStatus } from './dto/open-api.dto';

/** What an openid can look like; anything else names nobody. */
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

const invalidCursor = () => badRequest('invalid_cursor', 'The cursor is not one this list issued');

/** App friends are ordered by openid, so a page ends at an openid (kept opaque to the app). */
function encodeCursor(openid: string): string {
  return Buffer.from(`openid:${openid}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const openid = decoded.startsWith('openid:') ? decoded.slice('openid:'.length) : '';
  if (!OPENID_PATTERN.test(openid)) throw invalidCursor();
  return openid;
}

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
  ) {}

  async page(access: AccessContext, limit: number, cursor: string | undefined): Promise<AppFriendPage> {
    const rows = await this.authorizations.appFriends(
      access.appId,
      access.userId,
      limit + 1,
      decodeCursor(cursor),
    );
    const pageRows = rows.slice(0, limit);
    const people = await this.directory.summaries(pageRows.map((row) => row.userId));
    return {
      items: pageRows.flatMap((row) => {
        const person = people.get(row.userId);
        return person
          ? [{ openid: row.openid, nickname: person.nickname, headPortraitUrl: person.avatarUrl }]
          : [];
      }),
      nextCursor: rows.length > limit ? encodeCursor(pageRows[pageRows.length - 1].openid) : null,
    };
  }

  /**
   * Whether the openid is an app friend of the token's user: the same answer as "is in the friends
   * list". An openid the app was never given (another app's, or made up) is 404.
   */
  async status(access: AccessContext, openid: string): Promise<AppFriendStatus> {
    const { isFriend } = await this.relation(access, openid);
    return { openid, isFriend };
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
        'This user is not a friend of the user who also uses this app',
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
