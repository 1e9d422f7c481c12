import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../common/clock';
import { lockName } from './advisory-lock';
import { tooManyRequests } from './open-api-problem';

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
 * Takes a quota's lock and refuses (429 with Retry-After until midnight UTC) when the day's quota is
 * spent. Call inside the transaction that then uses the quota, so that no concurrent request slips past.
 */
export async function spendDailyQuota(em: EntityManager, clock: Clock, quota: DailyQuota): Promise<void> {
  await lockName(em, `daily-quota:${quota.name}`);
  const now = clock.now().getTime();
  const dayStart = now - (now % DAY_MS);
  if ((await quota.usedSince(new Date(dayStart))) >= quota.limit) {
    throw tooManyRequests(
      'quota_exceeded',
      `${quota.what}; try again tomorrow (UTC)`,
      Math.ceil((dayStart + DAY_MS - now) / 1000),
    );
  }
}
