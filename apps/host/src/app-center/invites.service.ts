import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AuthorizationsService } from '../apps/authorizations.service';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { utcDay } from '../common/time';
import { badRequest, conflict, ProblemException } from '../common/problem';
import { dailyQuotaSpent } from '../common/problem-with-headers';
import { EventsService } from '../events/events.service';
import { NotificationsService } from '../notifications/notifications.service';
import { AppCenterService } from './app-center.service';
import type { AppInvite } from './app-invite';
import { InvitesRepository } from './invites.repository';

/** What became of each friend asked for, in the order they were asked for. */
export interface InviteOutcome {
  /** Invites made now: each friend was notified, and the app told (`app.invited`). */
  created: AppInvite[];
  /** Invites the inviter had sent before and that are still pending: nothing was sent again. */
  pending: AppInvite[];
  /** Friends who have the app already: not invited. */
  alreadyInstalled: string[];
  remainingToday: number;
}

/** A friend of the user who does not have the app, and whether the user's invite to them is pending. */
export interface InvitableFriend {
  userId: string;
  invited: boolean;
}

/**
 * Invites to apps, from the app center and from apps (the Open API): a user invites friends who do not
 * have an installed, published app. One invite per app, inviter and invitee is pending at a time, and
 * asking again answers it without notifying anyone or spending the inviter's daily quota. When an invitee
 * installs the app, by whichever way, their pending invites are accepted and the app hears
 * `invite.accepted` for each, in the installing transaction.
 */
@Injectable()
export class InvitesService implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: InvitesRepository,
    private readonly center: AppCenterService,
    private readonly authorizations: AuthorizationsService,
    private readonly events: EventsService,
    private readonly notifications: NotificationsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.authorizations.onInstalled((installed) => this.accept(installed));
  }

  /**
   * Invites the inviter's friends to an app the inviter installed. Friends who have the app are skipped;
   * anyone who is not a friend refuses the whole request, and so does a spent daily quota (one counter
   * per inviter and UTC day, over all apps, raised only by invites made now).
   */
  async invite(inviterId: string, appId: string, inviteeIds: string[]): Promise<InviteOutcome> {
    if (inviteeIds.includes(inviterId)) throw badRequest('cannot_target_self', 'You cannot invite yourself');
    return this.em.transactional(async () => {
      const { app, openid } = await this.center.requireInstalled(inviterId, appId);
      if (app.status !== 'published') {
        throw conflict('app_status_conflict', 'Friends can be invited only to a published app');
      }
      // Nobody invited here installs the app before this commits, so no invite is left pending for a user
      // of the app. The same invitee order in every request keeps two requests from deadlocking.
      const invitees = [...new Set(inviteeIds)].sort();
      for (const inviteeId of invitees) await this.authorizations.lockInstallation(appId, inviteeId);
      const friends = await this.authorizations.friendsWithInstalls(appId, inviterId, invitees);
      if (friends.length !== invitees.length) {
        throw new ProblemException(HttpStatus.FORBIDDEN, 'not_friends', 'You can invite only your friends');
      }
      const invitable = friends.filter((friend) => !friend.installed).map((friend) => friend.userId);
      const created =
        invitable.length > 0
          ? await this.repository.createPending(appId, inviterId, invitable, this.clock.now())
          : [];
      const createdFor = new Set(created.map((invite) => invite.inviteeId));
      const pending = await this.repository.pending(
        appId,
        inviterId,
        invitable.filter((id) => !createdFor.has(id)),
      );
      const used = await this.spendQuota(inviterId, created.length);
      for (const invite of created) {
        this.notifications.notify({
          recipientId: invite.inviteeId,
          kind: 'app_invite',
          actorId: inviterId,
          appId,
        });
        await this.events.publish(
          appId,
          'app.invited',
          {
            inviteId: invite.id,
            inviter: openid,
            invitee: await this.authorizations.openidFor(appId, invite.inviteeId),
            createdAt: invite.createdAt.toISOString(),
          },
          inviterId,
        );
      }
      const asked = (invite: AppInvite) => inviteeIds.indexOf(invite.inviteeId);
      return {
        created: created.sort((a, b) => asked(a) - asked(b)),
        pending: pending.sort((a, b) => asked(a) - asked(b)),
        alreadyInstalled: inviteeIds.filter((id) =>
          friends.some((friend) => friend.userId === id && friend.installed),
        ),
        remainingToday: LIMITS.appInvitesPerDay - used,
      };
    });
  }

  /** For the app center: the friends a user of the app may invite to it (see `invitableFriends`). */
  async friendsToInvite(userId: string, appId: string): Promise<InvitableFriend[]> {
    await this.center.requireInstalled(userId, appId);
    return this.invitableFriends(userId, appId);
  }

  /** The user's friends who do not have the app, in user id order, each with whether they were invited. */
  async invitableFriends(userId: string, appId: string): Promise<InvitableFriend[]> {
    const friends = (await this.authorizations.friendsWithInstalls(appId, userId)).filter(
      (friend) => !friend.installed,
    );
    const invited = new Set(
      (
        await this.repository.pending(
          appId,
          userId,
          friends.map((friend) => friend.userId),
        )
      ).map((invite) => invite.inviteeId),
    );
    return friends.map((friend) => ({ userId: friend.userId, invited: invited.has(friend.userId) }));
  }

  /** Invites the user sent on the UTC day of `instant`, over all apps: what the daily quota counts. */
  invitesSentOn(userId: string, instant: Date): Promise<number> {
    return this.repository.quotaUsed(userId, utcDay(instant));
  }

  /** Spends `count` of the inviter's invites today (none: only reads); how many they used today. */
  private async spendQuota(inviterId: string, count: number): Promise<number> {
    if (count === 0) return this.invitesSentOn(inviterId, this.clock.now());
    const day = utcDay(this.clock.now());
    const used = await this.repository.spendQuota(inviterId, day, count, LIMITS.appInvitesPerDay);
    if (used === null) {
      throw dailyQuotaSpent(
        this.clock,
        `A user may send ${LIMITS.appInvitesPerDay} app invites a day, over all apps`,
      );
    }
    return used;
  }

  private async accept({ appId, userId, openid }: { appId: string; userId: string; openid: string }) {
    for (const invite of await this.repository.acceptPending(appId, userId, this.clock.now())) {
      await this.events.publish(
        appId,
        'invite.accepted',
        {
          inviteId: invite.id,
          inviter: await this.authorizations.openidFor(appId, invite.inviterId),
          invitee: openid,
          acceptedAt: invite.acceptedAt!.toISOString(),
        },
        invite.inviterId,
      );
    }
  }
}
