import { Injectable } from '@nestjs/common';
import type { AppInvite } from '../app-center/app-invite';
import { InvitesService } from '../app-center/invites.service';
import { AuthorizationsService } from '../apps/authorizations.service';
import { badRequest, conflict, notFound } from '../common/problem';
import type { AccessContext } from '../access-context/access-context';
import { UserDirectoryService } from '../profiles/user-directory.service';
import { decodeOpenidCursor, encodeOpenidCursor, OPENID_PATTERN } from './app-friends.service';
import type { InvitableFriendPage, OpenInvite } from './dto/invites.dto';

/**
 * Invites as an app sends them: the same invites, rules and quota as the app center's (InvitesService),
 * with friends named by openids. A friend who never used the app has an openid for it all the same (it is
 * derived from the app and the user), and keeps it when they install.
 */
@Injectable()
export class OpenInvitesService {
  constructor(
    private readonly invites: InvitesService,
    private readonly authorizations: AuthorizationsService,
    private readonly directory: UserDirectoryService,
  ) {}

  /** Invites the friend; `created` is false when the user's invite to them was pending already. */
  async invite(access: AccessContext, to: string): Promise<{ invite: OpenInvite; created: boolean }> {
    const inviteeId = await this.invitee(access, to);
    const outcome = await this.invites.invite(access.userId, access.appId, [inviteeId]);
    if (outcome.alreadyInstalled.length > 0) {
      throw conflict('already_installed', 'This friend uses the app already; invite friends who do not');
    }
    const [invite] = [...outcome.created, ...outcome.pending];
    return { invite: this.toOpenInvite(access, invite, to), created: outcome.created.length > 0 };
  }

  /** The user's friends who do not use the app, a page at a time in openid order. */
  async invitableFriends(
    access: AccessContext,
    limit: number,
    cursor: string | undefined,
  ): Promise<InvitableFriendPage> {
    const after = decodeOpenidCursor(cursor);
    const friends = (await this.withOpenids(access)).filter(
      (friend) => after === undefined || friend.openid > after,
    );
    const page = friends.slice(0, limit);
    const people = await this.directory.summaries(page.map((friend) => friend.userId));
    return {
      items: page.flatMap((friend) => {
        const person = people.get(friend.userId);
        return person
          ? [
              {
                openid: friend.openid,
                nickname: person.nickname,
                headPortraitUrl: person.avatarUrl,
                invited: friend.invited,
              },
            ]
          : [];
      }),
      nextCursor: friends.length > limit ? encodeOpenidCursor(page[page.length - 1].openid) : null,
    };
  }

  /**
   * The user an openid names. Users who authorized the app are in its authorizations; any other openid can
   * only be one of the user's friends who do not have the app (GET /invitable-friends lists them).
   */
  private async invitee(access: AccessContext, openid: string): Promise<string> {
    if (openid === access.openid) throw badRequest('cannot_target_self', 'You cannot invite yourself');
    if (!OPENID_PATTERN.test(openid)) throw notFound('User');
    const known = await this.authorizations.userIdForOpenid(access.appId, openid);
    if (known) return known;
    const friend = (await this.withOpenids(access)).find((candidate) => candidate.openid === openid);
    if (!friend) throw notFound('User');
    return friend.userId;
  }

  /** The user's friends without the app, each with their openid for it, in openid order. */
  private async withOpenids(
    access: AccessContext,
  ): Promise<{ userId: string; openid: string; invited: boolean }[]> {
    const friends = await this.invites.invitableFriends(access.userId, access.appId);
    const withOpenids = await Promise.all(
      friends.map(async (friend) => ({
        ...friend,
        openid: await this.authorizations.openidFor(access.appId, friend.userId),
      })),
    );
    return withOpenids.sort((a, b) => (a.openid < b.openid ? -1 : a.openid > b.openid ? 1 : 0));
  }

  private toOpenInvite(access: AccessContext, invite: AppInvite, inviteeOpenid: string): OpenInvite {
    return {
      id: invite.id,
      inviter: access.openid,
      invitee: inviteeOpenid,
      createdAt: invite.createdAt.toISOString(),
    };
  }
}
