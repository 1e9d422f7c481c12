import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../common/clock';
import { dailyQuotaSpent } from '../common/problem-with-headers';
import { lockName } from '../database/advisory-lock';
import type { AccessContext } from '../access-context/access-context';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DailyQuota {
  /** Names what is counted, e.g. `gifts:<app>:<sender>`; concurrent uses of one quota run one at a time. */
  name: string;
  limit: number;
  /** How many were used since the start of the UTC day. */
  usedSince(dayStart: Date): Promise<number>;
  /** Told to the app when the quota is spent, e.g. "An app may send 50 gifts a day for a user". */
  what: string;
}

/**
 * The daily quota of something an app does for the token's user, e.g. 50 `gifts` it may `send`: counted per
 * app and user by `usedSince`, and refused in those words ("An app may send 50 gifts a day for a user").
 */
export function appUserQuota(
  access: Pick<AccessContext, 'appId' | 'userId'>,
  quota: { things: string; verb: string; limit: number },
  usedSince: DailyQuota['usedSince'],
): DailyQuota {
  return {
    name: `${quota.things}:${access.appId}:${access.userId}`,
    limit: quota.limit,
    usedSince,
    what: `An app may ${quota.verb} ${quota.limit} ${quota.things} a day for a user`,
  };
}

/** How much of a daily quota today has used, and when the next UTC day starts it again. */
export interface DailyQuotaUse {
  limit: number;
  used: number;
  remaining: number;
  resetsAt: Date;
}

/**
 * What today (the UTC day of `now`) has used of the quota. Spending checks exactly this, and
 * `GET /open/v1/limits` tells it, so the two cannot disagree.
 */
export async function dailyQuotaUse(
  now: Date,
  quota: Pick<DailyQuota, 'limit' | 'usedSince'>,
): Promise<DailyQuotaUse> {
  const dayStart = now.getTime() - (now.getTime() % DAY_MS);
  const used = await quota.usedSince(new Date(dayStart));
  return {
    limit: quota.limit,
    used,
    remaining: Math.max(0, quota.limit - used),
    resetsAt: new Date(dayStart + DAY_MS),
  };
}

/**
 * Takes a quota's lock and refuses (429 with Retry-After until midnight UTC) when the day's quota is
 * spent. Call inside the transaction that then uses the quota, so that no concurrent request slips past.
 */
export async function spendDailyQuota(em: EntityManager, clock: Clock, quota: DailyQuota): Promise<void> {
  await lockName(em, `daily-quota:${quota.name}`);
  const use = await dailyQuotaUse(clock.now(), quota);
  if (use.remaining === 0) throw dailyQuotaSpent(clock, quota.what);
}
