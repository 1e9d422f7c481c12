import { Inject, Injectable } from '@nestjs/common';
import { AppsService } from '../apps/apps.service';
import { Clock } from '../common/clock';
import { utcDay } from '../common/time';
import { addCounts } from './open-api-usage';
import { type RateLimitBudget, OpenApiRateLimiter } from './rate-limiter';
import { type UsageCounts, UsageRepository, type UsageRow } from './usage.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface AppUsage {
  /** The first and last UTC day counted (`YYYY-MM-DD`): `days` days up to today. */
  from: string;
  to: string;
  rows: UsageRow[];
  totals: UsageCounts;
  budget: RateLimitBudget;
}

/** What a developer sees of their app's Open API traffic: calls per day and operation, and its rate limits. */
@Injectable()
export class AppUsageService {
  constructor(
    private readonly apps: AppsService,
    private readonly repository: UsageRepository,
    private readonly limiter: OpenApiRateLimiter,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async usage(developerId: string, appId: string, days: number): Promise<AppUsage> {
    await this.apps.owned(developerId, appId);
    const now = this.clock.now();
    const from = utcDay(new Date(now.getTime() - (days - 1) * DAY_MS));
    const rows = await this.repository.list(appId, from);
    const totals: UsageCounts = { calls: 0, clientErrors: 0, rateLimited: 0, serverErrors: 0 };
    for (const row of rows) addCounts(totals, row);
    return { from, to: utcDay(now), rows, totals, budget: await this.limiter.budget(appId) };
  }
}
