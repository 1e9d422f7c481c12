import { ApiProperty } from '@nestjs/swagger';
import { LIMITS } from '../../common/limits';

export class RateLimitWindowResponse {
  @ApiProperty({ type: 'integer', description: 'Requests allowed per window' }) limit!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Requests left in the current window, after this call (the RateLimit header’s r)',
  })
  remaining!: number;
  @ApiProperty({
    format: 'date-time',
    description: 'When the current window ends and the count starts again',
  })
  resetsAt!: string;
}

export class OpenRateLimitsResponse {
  @ApiProperty({ type: 'integer', description: 'Requests are counted in fixed windows of this many seconds' })
  windowSeconds!: number;
  @ApiProperty({ type: RateLimitWindowResponse, description: 'This access token’s requests (one user’s)' })
  token!: RateLimitWindowResponse;
  @ApiProperty({
    type: RateLimitWindowResponse,
    nullable: true,
    description:
      "The app's requests over all its tokens; null for a built-in plugin, whose calls count per token only",
  })
  app!: RateLimitWindowResponse | null;
}

export class DailyQuotaResponse {
  @ApiProperty({ type: 'integer', description: 'How many a UTC day allows' }) limit!: number;
  @ApiProperty({ type: 'integer', description: 'How many were used since midnight UTC' }) used!: number;
  @ApiProperty({
    type: 'integer',
    description: 'How many are left today; at 0 the next one answers 429 quota_exceeded',
  })
  remaining!: number;
  @ApiProperty({
    format: 'date-time',
    description:
      'The next midnight UTC, when the quota starts again (what Retry-After of a 429 counts down to)',
  })
  resetsAt!: string;
}

export class DailyQuotasResponse {
  @ApiProperty({
    type: DailyQuotaResponse,
    description: `Stories this app may post for the user (POST /open/v1/feed/stories; ${LIMITS.storiesPerUserPerAppPerDay} a day)`,
  })
  stories!: DailyQuotaResponse;
  @ApiProperty({
    type: DailyQuotaResponse,
    description:
      'Notifications this app may send for the user (POST /open/v1/notifications; ' +
      `${LIMITS.appNotificationsPerSenderPerAppPerDay} a day)`,
  })
  notifications!: DailyQuotaResponse;
  @ApiProperty({
    type: DailyQuotaResponse,
    description: `Gifts this app may send for the user (POST /open/v1/gifts; ${LIMITS.giftsPerSenderPerAppPerDay} a day)`,
  })
  gifts!: DailyQuotaResponse;
  @ApiProperty({
    type: DailyQuotaResponse,
    description: `Reminders this app may set for the user (POST /open/v1/reminders; ${LIMITS.remindersPerUserPerAppPerDay} a day)`,
  })
  reminders!: DailyQuotaResponse;
  @ApiProperty({
    type: DailyQuotaResponse,
    description:
      `Friends the user may invite to apps (${LIMITS.appInvitesPerDay} a day); unlike the others, one quota ` +
      'over all the apps the user invites to',
  })
  invites!: DailyQuotaResponse;
}

export class LimitsResponse {
  @ApiProperty({
    type: OpenRateLimitsResponse,
    description:
      'The rate limits, as the host instance that answered counts them (like the RateLimit header)',
  })
  rateLimit!: OpenRateLimitsResponse;
  @ApiProperty({
    type: DailyQuotasResponse,
    description: 'What the user may still do through this app today',
  })
  quotas!: DailyQuotasResponse;
}
