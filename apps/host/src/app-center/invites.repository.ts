import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { newId } from '../common/ids';
import { sqlRows, uuidArray } from '../database/sql';
import type { AppInvite } from './app-invite';

interface InviteRow {
  id: string;
  app_id: string;
  inviter_id: string;
  invitee_id: string;
  created_at: Date | string;
  accepted_at: Date | string | null;
}

const COLUMNS = 'id, app_id, inviter_id, invitee_id, created_at, accepted_at';

function toInvite(row: InviteRow): AppInvite {
  return {
    id: row.id,
    appId: row.app_id,
    inviterId: row.inviter_id,
    inviteeId: row.invitee_id,
    createdAt: new Date(row.created_at),
    acceptedAt: row.accepted_at === null ? null : new Date(row.accepted_at),
  };
}

/** SQL of the app center's invite tables (`app_invite`, `app_invite_quota`) for InvitesService. */
@Injectable()
export class InvitesRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Makes a pending invite for each invitee who has none from the inviter to the app yet (the unique
   * index on pending invites decides); the invites it made.
   */
  async createPending(
    appId: string,
    inviterId: string,
    inviteeIds: string[],
    now: Date,
  ): Promise<AppInvite[]> {
    const rows = await sqlRows<InviteRow>(
      this.em,
      `insert into app_invite (id, app_id, inviter_id, invitee_id, created_at)
       select v.id, ?, ?, v.invitee_id, ? from unnest(?::uuid[], ?::uuid[]) as v(id, invitee_id)
       on conflict (app_id, invitee_id, inviter_id) where accepted_at is null do nothing
       returning ${COLUMNS}`,
      [appId, inviterId, now, uuidArray(inviteeIds.map(() => newId())), uuidArray(inviteeIds)],
    );
    return rows.map(toInvite);
  }

  /** The inviter's pending invites to the app for those of `inviteeIds` who have one. */
  async pending(appId: string, inviterId: string, inviteeIds: string[]): Promise<AppInvite[]> {
    const rows = await sqlRows<InviteRow>(
      this.em,
      `select ${COLUMNS} from app_invite
        where app_id = ? and inviter_id = ? and invitee_id = any(?::uuid[]) and accepted_at is null
        order by invitee_id`,
      [appId, inviterId, uuidArray(inviteeIds)],
    );
    return rows.map(toInvite);
  }

  /** Accepts every invite to the app still pending for the invitee; the invites it accepted, oldest first. */
  async acceptPending(appId: string, inviteeId: string, now: Date): Promise<AppInvite[]> {
    const rows = await sqlRows<InviteRow>(
      this.em,
      `update app_invite set accepted_at = ? where app_id = ? and invitee_id = ? and accepted_at is null
       returning ${COLUMNS}`,
      [now, appId, inviteeId],
    );
    return rows.map(toInvite).sort((a, b) => a.id.localeCompare(b.id));
  }

  /**
   * Adds `count` to the user's invites on `day` in one conditional upsert, so concurrent requests cannot
   * together pass `limit`; the day's new total, or null when it would pass the limit (nothing added).
   */
  async spendQuota(userId: string, day: string, count: number, limit: number): Promise<number | null> {
    const [row] = await sqlRows<{ used: number }>(
      this.em,
      `insert into app_invite_quota (user_id, day, used) values (?, ?, ?)
       on conflict (user_id, day) do update set used = app_invite_quota.used + excluded.used
         where app_invite_quota.used + excluded.used <= ?
       returning used`,
      [userId, day, count, limit],
    );
    return row && row.used <= limit ? Number(row.used) : null;
  }

  /** How many invites the user sent on `day`. */
  async quotaUsed(userId: string, day: string): Promise<number> {
    const [row] = await sqlRows<{ used: number }>(
      this.em,
      'select used from app_invite_quota where user_id = ? and day = ?',
      [userId, day],
    );
    return row ? Number(row.used) : 0;
  }
}
