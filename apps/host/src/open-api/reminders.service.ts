import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import { conflict, ProblemException } from '../common/problem';
import { EventsService } from '../events/events.service';
import type { AccessContext } from '../access-context/access-context';
import { appUserQuota, type DailyQuota, spendDailyQuota } from './daily-quota';
import type { CreateReminderRequest, ReminderResponse } from './dto/reminders.dto';
import { serializeAppJson } from './key-value-store';

const DAY_MS = 24 * 60 * 60 * 1000;

const invalidAt = (message: string) =>
  new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', message, [{ field: 'at', message }]);

/**
 * Reminders: an app asks to be called back later about its user (a poll closes, a crop ripens). A
 * reminder is an `app.reminder` event in the outbox whose delivery waits until its time.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly em: EntityManager,
    private readonly events: EventsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The reminders this app may set for the token's user a day, counted as setting spends them. */
  quota(access: AccessContext): DailyQuota {
    // Reminders live in the outbox as events, so the quota counts those.
    return appUserQuota(
      access,
      { things: 'reminders', verb: 'set', limit: LIMITS.remindersPerUserPerAppPerDay },
      (dayStart) => this.events.countPublishedSince(access.appId, 'app.reminder', access.userId, dayStart),
    );
  }

  async create(access: AccessContext, request: CreateReminderRequest): Promise<ReminderResponse> {
    const at = new Date(request.at);
    const now = this.clock.now();
    if (Number.isNaN(at.getTime())) throw invalidAt('at must be a date and time');
    if (at.getTime() < now.getTime()) throw invalidAt('at must not be in the past');
    if (at.getTime() > now.getTime() + LIMITS.reminderMaxDaysAhead * DAY_MS) {
      throw invalidAt(`at must be at most ${LIMITS.reminderMaxDaysAhead} days ahead`);
    }
    serializeAppJson(request.data, 'data', LIMITS.reminderDataBytes);
    const id = newId();
    await this.em.transactional(async () => {
      await spendDailyQuota(this.em, this.clock, this.quota(access));
      const published = await this.events.publish(
        access.appId,
        'app.reminder',
        { reminderId: id, user: access.openid, data: request.data },
        access.userId,
        at,
      );
      // A reminder the app would never receive is a mistake to report, not one to accept silently.
      if (published === null) {
        throw conflict(
          'event_not_listed',
          "The app's manifest does not list app.reminder among its events, so the reminder would never " +
            'reach it',
        );
      }
    });
    return { id, at: at.toISOString() };
  }
}
