import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { type ChangeCache, ChangeFeed } from '../database/change-feed';
import { ActivityRepository } from './activity.repository';
import type { LevelBadge, LevelResponse } from './dto/economy.dto';
import { ACTIVITIES, ACTIVITY_RULES, activityLevel, LEVEL_THRESHOLDS, type Activity } from './economy.rules';

/** The UTC calendar day of an instant: daily caps reset at 00:00 UTC. */
function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * Activity points and the level they make. Other modules report activity here; points are a
 * bonus, so recording never makes the reporting request fail.
 */
@Injectable()
export class ActivityService implements OnModuleInit {
  private readonly logger = new Logger('ActivityService');
  /** Each user's points in all, until points are added. */
  private readonly totals: ChangeCache<number>;

  constructor(
    private readonly repository: ActivityRepository,
    private readonly accounts: AccountsService,
    @Inject(Clock) private readonly clock: Clock,
    changes: ChangeFeed,
  ) {
    this.totals = changes.cache('activity points', LIMITS.changeCacheEntries);
  }

  /** Accounts cannot depend on economy (everything depends on accounts), so economy listens to it. */
  onModuleInit(): void {
    this.accounts.onSignIn((userId) => this.record(userId, 'login'));
  }

  /**
   * Adds the activity's points for today, up to its daily cap: one row per (user, activity, day) and a
   * capped upsert keep the cap exact under concurrency. Call it after the activity's own transaction
   * has committed: a failure here is logged and swallowed.
   */
  async record(userId: string, activity: Activity): Promise<void> {
    const rule = ACTIVITY_RULES[activity];
    try {
      await this.repository.addCapped(userId, activity, utcDay(this.clock.now()), rule.points, rule.dailyCap);
    } catch (error) {
      this.logger.warn({
        message: 'activity points not recorded',
        userId,
        activity,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  async level(userId: string): Promise<LevelBadge> {
    const points = (await this.totals.read(userId, async () => ({
      value: await this.repository.totalPoints(userId),
      tags: [`activity:${userId}`],
    })))!;
    return { level: activityLevel(points), points };
  }

  async details(userId: string): Promise<LevelResponse> {
    const badge = await this.level(userId);
    const today = await this.repository.pointsOfDay(userId, utcDay(this.clock.now()));
    const next = LEVEL_THRESHOLDS.find((entry) => entry.points > badge.points);
    return {
      ...badge,
      nextLevelPoints: next?.points ?? null,
      today: ACTIVITIES.map((activity) => ({
        activity,
        points: today.get(activity) ?? 0,
        pointsEach: ACTIVITY_RULES[activity].points,
        dailyCap: ACTIVITY_RULES[activity].dailyCap,
      })),
    };
  }
}
