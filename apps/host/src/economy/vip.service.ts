import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
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
  constructor(
    private readonly repository: VipRepository,
    private readonly ledger: LedgerService,
    private readonly coins: CoinsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The user's membership now, or null when they were never a member. */
  async state(userId: string): Promise<VipState | null> {
    const row = await this.repository.membership(userId);
    return row ? vipState(row, this.clock.now()) : null;
  }

  /** The memberships of several users at once (those never members are absent), for lists of people. */
  async states(userIds: readonly string[]): Promise<Map<string, VipState>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.repository.memberships([...new Set(userIds)]);
    const now = this.clock.now();
    return new Map(rows.map((row) => [row.user_id, vipState(row, now)]));
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
      const current = await this.state(userId);
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
