import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AccessContext } from '../oauth/oauth-tokens.service';
import { AppsService } from '../apps/apps.service';
import { AuthorizationsService } from '../apps/authorizations.service';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import { Keyset, keysetCondition, toPage } from '../common/pagination';
import { conflict, notFound, ProblemException } from '../common/problem';
import { nonBlank } from '../common/text';
import { iso } from '../common/time';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { sqlRows, sqlRun } from '../database/sql';
import { platformShare, SYSTEM_ACCOUNTS } from '../economy/economy.rules';
import { LedgerService } from '../economy/ledger.service';
import { EventsService } from '../events/events.service';
import { NotificationsService } from '../notifications/notifications.service';
import type {
  CreateOrderRequest,
  DeveloperOrderPage,
  MyOrder,
  MyOrderPage,
  OpenOrder,
  OrderStatus,
  OrderTotals,
} from './dto/orders.dto';

export interface OrderRow {
  id: string;
  app_id: string;
  buyer_id: string;
  sku: string;
  name: string;
  description: string | null;
  price: number;
  metadata: Record<string, unknown> | null;
  status: OrderStatus;
  created_at: Date | string;
  updated_at: Date | string;
  expires_at: Date | string;
  paid_at: Date | string | null;
  delivery_due_at: Date | string | null;
  delivered_at: Date | string | null;
  refunded_at: Date | string | null;
  platform_share: number | null;
}

/** Who may see an order: its buyer (by session), or its app (by token). */
type OrderScope = { buyerId: string } | { appId: string };

/** The column that picks a scope's orders, and its value. */
function scopeColumn(scope: OrderScope): [column: 'buyer_id' | 'app_id', value: string] {
  return 'buyerId' in scope ? ['buyer_id', scope.buyerId] : ['app_id', scope.appId];
}

/** Counts of what one sweep did. */
export interface SweepResult {
  expired: number;
  refunded: number;
}

const expiredProblem = (action: 'paid' | 'cancelled') =>
  conflict(
    'order_expired',
    action === 'paid'
      ? 'The order expired before it was paid; the app can create a new one'
      : 'The order expired unpaid; only a pending order can be cancelled',
  );
const notPendingProblem = (status: OrderStatus, action: 'paid' | 'cancelled') =>
  conflict('order_not_pending', `The order is ${status}; only a pending order can be ${action}`);
const notPaidProblem = (status: OrderStatus) =>
  conflict('order_not_paid', `The order is ${status}; only a paid order can be delivered`);

/**
 * Orders: an app asks its user to pay coins for an item; the user confirms in the host; the coins wait
 * in escrow until the app confirms delivery, when they go to the app's developer and (the platform
 * share) to revenue. An order unpaid in time expires; one paid but not delivered in time is refunded
 * from escrow. Every transition happens under the order's row lock, so racing requests agree.
 */
@Injectable()
export class OrdersService {
  private readonly logger = new Logger('Orders');

  constructor(
    private readonly em: EntityManager,
    private readonly ledger: LedgerService,
    private readonly apps: AppsService,
    private readonly authorizations: AuthorizationsService,
    private readonly events: EventsService,
    private readonly notifications: NotificationsService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ── the app's side (Open API) ────────────────────────────────────────────

  /**
   * Creates a pending order for the token's user. The idempotency key is the app's, per user: the same
   * key with the same body returns the same order (as it is now); with another body it is a conflict.
   */
  async create(access: AccessContext, key: string, request: CreateOrderRequest): Promise<OpenOrder> {
    const name = nonBlank(request.item.name, 'item.name');
    const description = request.item.description?.trim() || null;
    const metadata = request.metadata ?? null;
    const orderId = await this.ledger.idempotent(
      access.userId,
      `order:${access.appId}:${key}`,
      ['order', access.appId, request.item.sku, name, description, request.price, metadata],
      async () => {
        const id = newId();
        const now = this.clock.now();
        const expiresAt = new Date(now.getTime() + LIMITS.orderPaymentWindowSeconds * 1000);
        await sqlRun(
          this.em,
          `insert into app_order (id, app_id, buyer_id, sku, name, description, price, metadata, status,
             created_at, updated_at, expires_at)
           values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'pending', ?, ?, ?)`,
          [
            id,
            access.appId,
            access.userId,
            request.item.sku,
            name,
            description,
            request.price,
            metadata === null ? null : JSON.stringify(metadata),
            now,
            now,
            expiresAt,
          ],
        );
        return { response: id, transactionId: null };
      },
    );
    return this.openOrder(await this.find({ appId: access.appId }, orderId));
  }

  async getForApp(appId: string, orderId: string): Promise<OpenOrder> {
    return this.openOrder(await this.find({ appId }, orderId));
  }

  /**
   * The app confirms it delivered the item: the escrowed coins go to the developer and the platform.
   * Confirming again changes nothing; a pending, cancelled, expired or refunded order is a conflict.
   */
  async deliver(appId: string, orderId: string): Promise<OpenOrder> {
    const order = await this.transition({ appId }, orderId, async (locked) => {
      if (locked.status === 'delivered') return null;
      if (locked.status !== 'paid') return notPaidProblem(locked.status);
      const app = await this.apps.findById(locked.app_id);
      if (!app) throw notFound('Order');
      const share = platformShare(locked.price);
      const developerCoins = locked.price - share;
      const wallets = await this.ledger.lockWallets([app.ownerId]);
      const posted = await this.ledger.post('order_delivery', app.ownerId, locked.name, [
        { accountId: SYSTEM_ACCOUNTS.escrow, amount: -locked.price },
        { accountId: SYSTEM_ACCOUNTS.revenue, amount: share },
        // a 1-coin order leaves the developer nothing, and the ledger has no zero entries
        ...(developerCoins > 0 ? [{ accountId: wallets.get(app.ownerId)!, amount: developerCoins }] : []),
      ]);
      await sqlRun(
        this.em,
        `update app_order set status = 'delivered', delivered_at = ?, updated_at = ?, platform_share = ?,
           delivery_transaction_id = ? where id = ?`,
        [posted.createdAt, posted.createdAt, share, posted.id, locked.id],
      );
      return null;
    });
    return this.openOrder(order);
  }

  // ── the buyer's side (session) ───────────────────────────────────────────

  async getForBuyer(buyerId: string, orderId: string): Promise<MyOrder> {
    return (await this.myOrders([await this.find({ buyerId }, orderId)]))[0];
  }

  async listForBuyer(buyerId: string, limit: number, after?: Keyset): Promise<MyOrderPage> {
    const page = await this.list({ buyerId }, limit, after);
    return { items: await this.myOrders(page.items), nextCursor: page.nextCursor };
  }

  /**
   * The buyer confirms and pays: the price moves from their wallet to escrow in one ledger transaction,
   * and `order.paid` is published in the same database transaction. Paying a paid order again pays
   * nothing; a buyer who cannot afford it gets `insufficient_funds` and nothing changes.
   */
  async pay(buyerId: string, orderId: string): Promise<MyOrder> {
    const order = await this.transition({ buyerId }, orderId, async (locked) => {
      if (locked.status === 'paid' || locked.status === 'delivered') return null;
      if (locked.status === 'expired') return expiredProblem('paid');
      if (locked.status !== 'pending') return notPendingProblem(locked.status, 'paid');
      const app = await this.apps.findById(locked.app_id);
      if (!app || app.status === 'suspended') {
        throw conflict('app_status_conflict', 'The app is no longer available; the order cannot be paid');
      }
      const wallets = await this.ledger.lockWallets([buyerId]);
      const wallet = wallets.get(buyerId)!;
      await this.ledger.requireFunds(wallet, locked.price);
      const posted = await this.ledger.post('order_payment', buyerId, locked.name, [
        { accountId: wallet, amount: -locked.price },
        { accountId: SYSTEM_ACCOUNTS.escrow, amount: locked.price },
      ]);
      const paidAt = posted.createdAt;
      const dueAt = new Date(paidAt.getTime() + LIMITS.orderDeliveryWindowSeconds * 1000);
      await sqlRun(
        this.em,
        `update app_order set status = 'paid', paid_at = ?, delivery_due_at = ?, updated_at = ?,
           payment_transaction_id = ? where id = ?`,
        [paidAt, dueAt, paidAt, posted.id, locked.id],
      );
      const paid: OrderRow = {
        ...locked,
        status: 'paid',
        paid_at: paidAt,
        delivery_due_at: dueAt,
        updated_at: paidAt,
      };
      await this.events.publish(app.id, 'order.paid', { order: await this.openOrder(paid) }, buyerId);
      return null;
    });
    return (await this.myOrders([order]))[0];
  }

  /** The buyer declines a pending order. Cancelling it again changes nothing. */
  async cancel(buyerId: string, orderId: string): Promise<MyOrder> {
    const order = await this.transition({ buyerId }, orderId, async (locked) => {
      if (locked.status === 'cancelled') return null;
      if (locked.status === 'expired') return expiredProblem('cancelled');
      if (locked.status !== 'pending') return notPendingProblem(locked.status, 'cancelled');
      await sqlRun(this.em, `update app_order set status = 'cancelled', updated_at = ? where id = ?`, [
        this.clock.now(),
        locked.id,
      ]);
      return null;
    });
    return (await this.myOrders([order]))[0];
  }

  // ── the developer's view ─────────────────────────────────────────────────

  async listForDeveloper(
    developerId: string,
    appId: string,
    limit: number,
    after?: Keyset,
  ): Promise<DeveloperOrderPage> {
    await this.apps.owned(developerId, appId);
    const page = await this.list({ appId }, limit, after);
    return {
      items: await Promise.all(page.items.map((row) => this.openOrder(row))),
      nextCursor: page.nextCursor,
      totals: await this.totals(appId),
    };
  }

  private async totals(appId: string): Promise<OrderTotals> {
    const rows = await sqlRows<{ status: OrderStatus; orders: number; coins: string; platform: string }>(
      this.em,
      `select status, count(*)::int as orders, coalesce(sum(price), 0)::bigint as coins,
              coalesce(sum(platform_share), 0)::bigint as platform
         from app_order where app_id = ? group by status`,
      [appId],
    );
    const by = new Map(rows.map((row) => [row.status, row]));
    const count = (status: OrderStatus) => by.get(status)?.orders ?? 0;
    const deliveredCoins = Number(by.get('delivered')?.coins ?? 0);
    const platformCoins = Number(by.get('delivered')?.platform ?? 0);
    return {
      pending: count('pending'),
      paid: count('paid'),
      delivered: count('delivered'),
      cancelled: count('cancelled'),
      expired: count('expired'),
      refunded: count('refunded'),
      deliveredCoins,
      developerCoins: deliveredCoins - platformCoins,
      platformCoins,
      escrowCoins: Number(by.get('paid')?.coins ?? 0),
    };
  }

  // ── timeouts ──────────────────────────────────────────────────────────────

  /**
   * Expires unpaid orders and refunds undelivered ones whose time is up, one order per transaction
   * (so one failure stops nothing else), at most a batch per call. The sweeper calls it periodically;
   * tests call it after moving the clock.
   */
  async sweep(): Promise<SweepResult> {
    const now = this.clock.now();
    const due = await sqlRows<{ id: string }>(
      this.em,
      `(select id from app_order where status = 'pending' and expires_at <= ? order by expires_at limit ?)
       union all
       (select id from app_order where status = 'paid' and delivery_due_at <= ? order by delivery_due_at limit ?)`,
      [now, LIMITS.orderSweepBatch, now, LIMITS.orderSweepBatch],
    );
    const result: SweepResult = { expired: 0, refunded: 0 };
    for (const { id } of due) {
      try {
        const outcome = await this.em.transactional(async () => {
          const [locked] = await sqlRows<OrderRow>(
            this.em,
            'select * from app_order where id = ? for update',
            [id],
          );
          return this.closeIfOverdue(locked);
        });
        if (outcome) result[outcome] += 1;
      } catch (error) {
        this.logger.error({ message: 'order sweep failed', orderId: id, error: String(error) });
      }
    }
    return result;
  }

  /**
   * Ends a locked order whose time is up: a pending one expires, a paid one is refunded in full from
   * escrow (the buyer is told, and so is the app, by `order.refunded`). Returns what it did, if anything.
   */
  private async closeIfOverdue(order: OrderRow): Promise<'expired' | 'refunded' | null> {
    const now = this.clock.now();
    if (order.status === 'pending' && new Date(order.expires_at) <= now) {
      await sqlRun(this.em, `update app_order set status = 'expired', updated_at = ? where id = ?`, [
        now,
        order.id,
      ]);
      order.status = 'expired';
      order.updated_at = now;
      return 'expired';
    }
    if (order.status === 'paid' && order.delivery_due_at && new Date(order.delivery_due_at) <= now) {
      await this.refund(order);
      return 'refunded';
    }
    return null;
  }

  private async refund(order: OrderRow): Promise<void> {
    const wallets = await this.ledger.lockWallets([order.buyer_id]);
    const posted = await this.ledger.post('order_refund', order.buyer_id, order.name, [
      { accountId: SYSTEM_ACCOUNTS.escrow, amount: -order.price },
      { accountId: wallets.get(order.buyer_id)!, amount: order.price },
    ]);
    await sqlRun(
      this.em,
      `update app_order set status = 'refunded', refunded_at = ?, updated_at = ?, refund_transaction_id = ?
        where id = ?`,
      [posted.createdAt, posted.createdAt, posted.id, order.id],
    );
    Object.assign(order, { status: 'refunded', refunded_at: posted.createdAt, updated_at: posted.createdAt });
    // A deleted app receives no events; the buyer still gets their coins back.
    const app = await this.apps.findById(order.app_id);
    if (!app) return;
    await this.events.publish(
      app.id,
      'order.refunded',
      { order: await this.openOrder(order) },
      order.buyer_id,
    );
    this.notifications.notify({
      recipientId: order.buyer_id,
      kind: 'order_refunded',
      actorId: app.ownerId,
      appId: app.id,
      subjectId: order.id,
      text: `${order.price} coins refunded: ${app.name} did not deliver ${order.name}`,
    });
  }

  // ── shared ────────────────────────────────────────────────────────────────

  /**
   * Runs one state change of an order under its row lock. An order whose time is up is closed first
   * (expired or refunded) and `change` sees it closed. `change` returns a problem to report after the
   * transaction commits (so closing an overdue order sticks), or throws to roll everything back.
   */
  private async transition(
    scope: OrderScope,
    orderId: string,
    change: (order: OrderRow) => Promise<ProblemException | null>,
  ): Promise<OrderRow> {
    const problem = await this.em.transactional(async () => {
      const order = await this.find(scope, orderId, true);
      await this.closeIfOverdue(order);
      return change(order);
    });
    if (problem) throw problem;
    return this.find(scope, orderId);
  }

  private async find(scope: OrderScope, orderId: string, lock = false): Promise<OrderRow> {
    const [column, value] = scopeColumn(scope);
    const [row] = await sqlRows<OrderRow>(
      this.em,
      `select * from app_order where id = ? and ${column} = ?${lock ? ' for update' : ''}`,
      [orderId, value],
    );
    if (!row) throw notFound('Order');
    return row;
  }

  /** A page of the buyer's or the app's orders, newest first. */
  private async list(scope: OrderScope, limit: number, after?: Keyset) {
    const [column, value] = scopeColumn(scope);
    const keyset = keysetCondition('o', after);
    const rows = await sqlRows<OrderRow>(
      this.em,
      `select o.* from app_order o where o.${column} = ? and ${keyset.sql}
        order by o.created_at desc, o.id desc limit ?`,
      [value, ...keyset.params, limit + 1],
    );
    return toPage(rows, limit, (row) => row);
  }

  confirmUrl(orderId: string): string {
    return `${this.config.publicUrl}/orders/${orderId}/confirm`;
  }

  private base(row: OrderRow) {
    const optional = (value: Date | string | null) => (value === null ? null : iso(value));
    return {
      id: row.id,
      status: row.status,
      item: { sku: row.sku, name: row.name, description: row.description },
      price: Number(row.price),
      confirmUrl: this.confirmUrl(row.id),
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
      expiresAt: iso(row.expires_at),
      paidAt: optional(row.paid_at),
      deliveryDueAt: optional(row.delivery_due_at),
      deliveredAt: optional(row.delivered_at),
      refundedAt: optional(row.refunded_at),
    };
  }

  async openOrder(row: OrderRow): Promise<OpenOrder> {
    return {
      ...this.base(row),
      buyer: await this.authorizations.openidFor(row.app_id, row.buyer_id),
      platformShare: row.platform_share ?? platformShare(Number(row.price)),
      metadata: row.metadata,
    };
  }

  private async myOrders(rows: OrderRow[]): Promise<MyOrder[]> {
    const labels = await this.apps.labels(rows.map((row) => row.app_id));
    return rows.map((row) => ({ ...this.base(row), app: labels.get(row.app_id) ?? null }));
  }
}
