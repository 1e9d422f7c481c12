import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { ModerationService } from '../moderation/moderation.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { AccessContext } from '../access-context/access-context';
import { AppFriendsService } from './app-friends.service';
import { appUserQuota, type DailyQuota, spendDailyQuota } from './daily-quota';
import { requiredText, screenDeliveredText } from './delivered-text';
import type { SendNotificationRequest } from './dto/app-notifications.dto';

/** Notifications an app sends from its user to an app friend (`app_message`), within a daily quota. */
@Injectable()
export class AppNotificationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly appFriends: AppFriendsService,
    private readonly moderation: ModerationService,
    private readonly notifications: NotificationsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The notifications this app may send for the token's user a day, counted as sending spends them. */
  quota(access: AccessContext): DailyQuota {
    return appUserQuota(
      access,
      { things: 'notifications', verb: 'send', limit: LIMITS.appNotificationsPerSenderPerAppPerDay },
      (dayStart) =>
        this.notifications.sentThroughAppSince(access.appId, access.userId, 'app_message', dayStart),
    );
  }

  async send(access: AccessContext, request: SendNotificationRequest): Promise<void> {
    const recipientId = await this.appFriends.requireAppFriend(access, request.to);
    const text = requiredText(request.text, 'text');
    await screenDeliveredText(this.moderation, [text]);
    await this.em.transactional(async () => {
      await spendDailyQuota(this.em, this.clock, this.quota(access));
      this.notifications.notify({
        recipientId,
        kind: 'app_message',
        actorId: access.userId,
        appId: access.appId,
        text,
        linkUrl: request.link,
      });
      // The quota counts rows, so the next request in line must see this one.
      await this.em.flush();
    });
  }
}
