import { Inject, Injectable } from '@nestjs/common';
import { InvitesService } from '../app-center/invites.service';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import type { AccessContext } from '../access-context/access-context';
import { AppNotificationsService } from './app-notifications.service';
import { type DailyQuota, type DailyQuotaUse, dailyQuotaUse } from './daily-quota';
import type { DailyQuotaResponse, LimitsResponse, RateLimitWindowResponse } from './dto/limits.dto';
import { AppGiftsService } from './app-gifts.service';
import { OpenApiRateLimiter, type WindowBudget } from './rate-limiter';
import { RemindersService } from './reminders.service';
import { StoriesService } from './stories.service';

/**
 * QQ's `get_limitation`: what a token may still do, read from the counters the limits are enforced
 * with (the rate limiter's, and each daily quota's own count), never estimated apart from them.
 */
@Injectable()
export class LimitsService {
  constructor(
    private readonly limiter: OpenApiRateLimiter,
    private readonly stories: StoriesService,
    private readonly notifications: AppNotificationsService,
    private readonly gifts: AppGiftsService,
    private readonly reminders: RemindersService,
    private readonly invites: InvitesService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async limits(access: AccessContext): Promise<LimitsResponse> {
    const now = this.clock.now();
    const rateLimit = await this.limiter.peek(access);
    const invites: Pick<DailyQuota, 'limit' | 'usedSince'> = {
      limit: LIMITS.appInvitesPerDay,
      usedSince: (dayStart) => this.invites.invitesSentOn(access.userId, dayStart),
    };
    const [stories, notifications, gifts, reminders, invitesUse] = await Promise.all(
      [
        this.stories.quota(access),
        this.notifications.quota(access),
        this.gifts.quota(access),
        this.reminders.quota(access),
        invites,
      ].map((quota) => dailyQuotaUse(now, quota)),
    );
    return {
      rateLimit: {
        windowSeconds: rateLimit.windowSeconds,
        token: windowResponse(rateLimit.token),
        app: rateLimit.app && windowResponse(rateLimit.app),
      },
      quotas: {
        stories: quotaResponse(stories),
        notifications: quotaResponse(notifications),
        gifts: quotaResponse(gifts),
        reminders: quotaResponse(reminders),
        invites: quotaResponse(invitesUse),
      },
    };
  }
}

const windowResponse = (budget: WindowBudget): RateLimitWindowResponse => ({
  ...budget,
  resetsAt: budget.resetsAt.toISOString(),
});

const quotaResponse = (use: DailyQuotaUse): DailyQuotaResponse => ({
  ...use,
  resetsAt: use.resetsAt.toISOString(),
});
