import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { type ChangeCache, ChangeFeed } from '../database/change-feed';
import { CoinsService } from './coins.service';
import type { VipBadge, VipPurchaseResponse, VipResponse } from './dto/economy.dto';
import {
  STORAGE_QUOTA_BYTES,
  SYSTEM_ACCOUNTS,
  VIP_MONTH_MS,
  VIP_PRICE_PER_MONTH,
  vipLevel,
} from './economy.rules';
import { LedgerService } from './ledger.service';
import { type MembershipRow, VipRepository } from './vip.repository';

/** A membership as of `now`. */
export interface VipState {
  active: boolean;
  level: number;
  since: Date;
  expiresAt: Date;
  continuousMonths: number;
}

/**
 * Months served in the current run: the running month counts, and a lapsed run stops counting at
 * its expiry, so its level is the one it reached.
 */
function vipState(row: MembershipRow, now: Date): VipState {
  const since = new Date(row.since);
  const expiresAt = new Date(row.expires_at);
  const active = expiresAt.getTime() > now.getTime();
  const servedUntil = Math.min(now.getTime(), expiresAt.getTime());
  const continuousMonths = Math.max(1, Math.ceil((servedUntil - since.getTime()) / VIP_MONTH_MS));
  return { active, level: vipLevel(continuousMonths), since, expiresAt, continuousMonths };
}

export function vipBadge(state: VipState): VipBadge {
  return { active: state.active, level: state.level, expiresAt: state.expiresAt.toISOString() };
}

/** The yellow diamond: a monthly membership bought with coins, with levels and perks. */
@Injectable()
export class VipService {
  /**
   * Each user's membership row, or none for those never members, until the row changes: the state is
   * worked out from it at every read, so a membership still lapses on time.
   */
  private readonly memberships: ChangeCache<{ row: MembershipRow | null }>;

  constructor(
    private readonly repository: VipRepository,
    private readonly ledger: LedgerService,
    private readonly coins: CoinsService,
    @Inject(Clock) private readonly clock: Clock,
    changes: ChangeFeed,
  ) {
    this.memberships = changes.cache('yellow diamond memberships', LIMITS.changeCacheEntries);
  }

  /** The user's membership now, or null when they were never a member. */
  async state(userId: string): Promise<VipState | null> {
    return (await this.states([userId])).get(userId) ?? null;
  }

  /** The memberships of several users at once (those never members are absent), for lists of people. */
  async states(userIds: readonly string[]): Promise<Map<string, VipState>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.memberships.readMany(userIds, async (missing) => {
      const found = new Map((await this.repository.memberships(missing)).map((row) => [row.user_id, row]));
      // The users are known ones (the token's, their friends), so having no row is an answer worth keeping.
      return new Map(
        missing.map((userId) => [
          userId,
          { value: { row: found.get(userId) ?? null }, tags: [`vip:${userId}`] },
        ]),
      );
    });
    const now = this.clock.now();
    const states = new Map<string, VipState>();
    for (const [userId, { row }] of rows) if (row) states.set(userId, vipState(row, now));
    return states;
  }

  /** Album storage by VIP level: an active member gets their level's quota, everyone else the base. */
  async storageQuotaBytes(userId: string): Promise<number> {
    const state = await this.state(userId);
    return STORAGE_QUOTA_BYTES[state?.active ? state.level : 0];
  }

  async status(userId: string): Promise<VipResponse> {
    const state = await this.state(userId);
    return {
      membership: state ? vipBadge(state) : null,
      since: state?.active ? state.since.toISOString() : null,
      continuousMonths: state?.active ? state.continuousMonths : 0,
      pricePerMonth: VIP_PRICE_PER_MONTH,
      storageQuotaBytes: STORAGE_QUOTA_BYTES[state?.active ? state.level : 0],
    };
  }

  /**
   * Buys months of membership: while active they extend the expiry (continuity and level carry on);
   * after a lapse a new run starts now, at level 1.
   */
  async purchase(userId: string, months: number, idempotencyKey: string): Promise<VipPurchaseResponse> {
    return this.ledger.idempotent(userId, idempotencyKey, ['vip', months], async () => {
      const wallets = await this.ledger.lockWallets([userId]);
      const wallet = wallets.get(userId)!;
      const price = months * VIP_PRICE_PER_MONTH;
      await this.ledger.requireFunds(wallet, price);
      // No memo: the kind says what it was in the reader's language, the amount what it cost.
      const posted = await this.ledger.post('vip_purchase', userId, null, [
        { accountId: wallet, amount: -price },
        { accountId: SYSTEM_ACCOUNTS.revenue, amount: price },
      ]);
      // The wallet lock serializes this user's purchases, so the membership row has one writer.
      const now = this.clock.now();
      // Read from the database, not the cache: another instance's purchase may have just committed.
      const row = await this.repository.membership(userId);
      const current = row ? vipState(row, now) : null;
      const running = current?.active === true;
      const since = running ? current.since : now;
      const from = running ? current.expiresAt : now;
      const expiresAt = new Date(from.getTime() + months * VIP_MONTH_MS);
      await this.repository.upsert(userId, since, expiresAt, now);
      const after = vipState({ since, expires_at: expiresAt }, now);
      return {
        response: {
          transaction: await this.coins.transactionResponse(posted, price, userId, null, null),
          months,
          membership: vipBadge(after),
        },
        transactionId: posted.id,
      };
    });
  }
}
