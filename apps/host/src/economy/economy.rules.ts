/**
 * The economy's rules, in one place: prices, VIP levels and perks, activity points and levels.
 * Changing a number here changes the platform's behaviour; nothing else hard-codes these figures.
 */

const GIB = 1024 ** 3;
const DAY_MS = 86_400_000;

// ── coins ─────────────────────────────────────────────────────────────────

/**
 * The system side of every movement: coins enter through issuance (admin grants stand in for
 * real top-up, so issuance runs negative by exactly the coins in circulation) and leave to revenue.
 * Their rows are created by the economy migration with these fixed ids.
 */
export const SYSTEM_ACCOUNTS = {
  issuance: '00000000-0000-7000-8000-00000000c011',
  revenue: '00000000-0000-7000-8000-00000000c012',
  /** Coins of paid orders until the app delivers (then to developer and revenue) or they are refunded. */
  escrow: '00000000-0000-7000-8000-00000000c013',
} as const;

export const COIN_TRANSACTION_KINDS = [
  'grant',
  'transfer',
  'vip_purchase',
  'item_purchase',
  // orders: buyer → escrow when paid; escrow → developer and revenue when delivered; escrow → buyer when refunded.
  'order_payment',
  'order_delivery',
  'order_refund',
] as const;
export type CoinTransactionKind = (typeof COIN_TRANSACTION_KINDS)[number];

// ── orders (coins charged through apps) ─────────────────────────────────

/** The platform's share of every delivered order, in percent of its price. */
export const PLATFORM_SHARE_PERCENT = 30;

/**
 * The platform's coins of a delivered order. Rounded up, in the platform's favour, so an order of
 * 1 coin still pays 1 to the platform; the developer gets the rest.
 */
export function platformShare(price: number): number {
  return Math.ceil((price * PLATFORM_SHARE_PERCENT) / 100);
}

// ── VIP (yellow diamond) ──────────────────────────────────────────────────

/** Coins per VIP month. */
export const VIP_PRICE_PER_MONTH = 100;
/** A VIP month is a fixed 30 days, so expiry never depends on calendar quirks (31 January + 1 month). */
export const VIP_MONTH_MS = 30 * DAY_MS;

/**
 * VIP level by months of continuous membership served (the running month counts): a lapse starts
 * again at level 1. Months bought in advance count when they are served, not when they are bought.
 */
export const VIP_LEVEL_THRESHOLDS: readonly { level: number; months: number }[] = [
  { level: 1, months: 1 },
  { level: 2, months: 3 },
  { level: 3, months: 6 },
  { level: 4, months: 12 },
  { level: 5, months: 24 },
  { level: 6, months: 36 },
  { level: 7, months: 60 },
];

/** Album storage by VIP level; index 0 is an ordinary user (or a VIP whose membership lapsed). */
export const STORAGE_QUOTA_BYTES: readonly number[] = [
  3 * GIB,
  5 * GIB,
  6 * GIB,
  8 * GIB,
  10 * GIB,
  12 * GIB,
  15 * GIB,
  20 * GIB,
];

// ── levels from activity ──────────────────────────────────────────────────

export const ACTIVITIES = ['login', 'mood', 'blog', 'comment_received', 'visitor'] as const;
export type Activity = (typeof ACTIVITIES)[number];

/** Points per activity and the most one activity can earn a user in one UTC day. */
export const ACTIVITY_RULES: Readonly<Record<Activity, { points: number; dailyCap: number }>> = {
  login: { points: 5, dailyCap: 5 },
  mood: { points: 3, dailyCap: 15 },
  blog: { points: 10, dailyCap: 30 },
  comment_received: { points: 2, dailyCap: 20 },
  visitor: { points: 1, dailyCap: 10 },
};

/** Level by total activity points; everyone starts at level 1. */
export const LEVEL_THRESHOLDS: readonly { level: number; points: number }[] = [
  { level: 1, points: 0 },
  { level: 2, points: 10 },
  { level: 3, points: 30 },
  { level: 4, points: 60 },
  { level: 5, points: 100 },
  { level: 6, points: 200 },
  { level: 7, points: 400 },
  { level: 8, points: 800 },
  { level: 9, points: 1500 },
  { level: 10, points: 3000 },
];

export function vipLevel(continuousMonths: number): number {
  let level = 0;
  for (const entry of VIP_LEVEL_THRESHOLDS) if (continuousMonths >= entry.months) level = entry.level;
  return level;
}

export function activityLevel(points: number): number {
  let level = 1;
  for (const entry of LEVEL_THRESHOLDS) if (points >= entry.points) level = entry.level;
  return level;
}
