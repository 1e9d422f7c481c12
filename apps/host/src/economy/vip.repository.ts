import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';

/** A yellow-diamond membership as `vip_membership` keeps it: when the current run began, when it ends. */
export interface MembershipRow {
  since: Date | string;
  expires_at: Date | string;
}

/** SQL of `vip_membership` (one row per user who was ever a member) for VipService. */
@Injectable()
export class VipRepository {
  constructor(private readonly em: EntityManager) {}

  async membership(userId: string): Promise<MembershipRow | null> {
    const [row] = await sqlRows<MembershipRow>(
      this.em,
      'select since, expires_at from vip_membership where user_id = ?',
      [userId],
    );
    return row ?? null;
  }

  /** The memberships of the users who have one. */
  memberships(userIds: readonly string[]): Promise<(MembershipRow & { user_id: string })[]> {
    return sqlRows<MembershipRow & { user_id: string }>(
      this.em,
      'select user_id, since, expires_at from vip_membership where user_id = any(?::uuid[])',
      [uuidArray(userIds)],
    );
  }

  async upsert(userId: string, since: Date, expiresAt: Date, now: Date): Promise<void> {
    await sqlRun(
      this.em,
      `insert into vip_membership (user_id, since, expires_at, updated_at) values (?, ?, ?, ?)
       on conflict (user_id) do update set since = excluded.since, expires_at = excluded.expires_at,
         updated_at = excluded.updated_at`,
      [userId, since, expiresAt, now],
    );
  }
}
