import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import type { AccessContext } from '../access-context/access-context';
import { AppsService } from '../apps/apps.service';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import { Keyset, toPage } from '../common/pagination';
import { conflict, notFound, ProblemException } from '../common/problem';
import { nonBlank } from '../common/text';
import { platformShare, SYSTEM_ACCOUNTS } from '../economy/economy.rules';
import { LedgerService } from '../economy/ledger.service';
import { EventsService } from '../events/events.service';
import { OrderTimeouts } from './order-timeouts.service';
import { OrderViews } from './order-views';
import { type OrderRow, type OrderScope, OrdersRepository } from './orders.repository';
import type {
  CreateOrderRequest,
  DeveloperOrderPage,
  MyOrder,
  MyOrderPage,
  OpenOrder,
  OrderStatus,
  OrderTotals,
} from './dto/orders.dto';

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
 * from escrow (OrderTimeouts). Every transition happens under the order's row lock, so racing requests
 * agree.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: OrdersRepository,
    private readonly views: OrderViews,
    private readonly timeouts: OrderTimeouts,
    private readonly ledger: LedgerService,
    private readonly apps: AppsService,
    private readonly events: EventsService,
    @Inject(Clock) private readonly clock: Clock,
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
        await this.repository.insert({
          id,
          appId: access.appId,
          buyerId: access.userId,
          sku: request.item.sku,
          name,
          description,
          price: request.price,
          metadata,
          createdAt: now,
          expiresAt: new Date(now.getTime() + LIMITS.orderPaymentWindowSeconds * 1000),
        });
        return { response: id, transactionId: null };
      },
    );
    return this.views.openOrder(await this.find({ appId: access.appId }, orderId));
  }

  async getForApp(appId: string, orderId: string): Promise<OpenOrder> {
    return this.views.openOrder(await this.find({ appId }, orderId));
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
      await this.repository.markDelivered(locked.id, posted.createdAt, share, posted.id);
      return null;
    });
    return this.views.openOrder(order);
  }

  // ── the buyer's side (session) ───────────────────────────────────────────

  async getForBuyer(buyerId: string, orderId: string): Promise<MyOrder> {
    return (await this.views.myOrders([await this.find({ buyerId }, orderId)]))[0];
  }

  async listForBuyer(buyerId: string, limit: number, after?: Keyset): Promise<MyOrderPage> {
    const page = await this.list({ buyerId }, limit, after);
    return { items: await this.views.myOrders(page.items), nextCursor: page.nextCursor };
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
      await this.repository.markPaid(locked.id, paidAt, dueAt, posted.id);
      const paid: OrderRow = {
        ...locked,
        status: 'paid',
        paid_at: paidAt,
        delivery_due_at: dueAt,
        updated_at: paidAt,
      };
      await this.events.publish(app.id, 'order.paid', { order: await this.views.openOrder(paid) }, buyerId);
      return null;
    });
    return (await this.views.myOrders([order]))[0];
  }

  /** The buyer declines a pending order. Cancelling it again changes nothing. */
  async cancel(buyerId: string, orderId: string): Promise<MyOrder> {
    const order = await this.transition({ buyerId }, orderId, async (locked) => {
      if (locked.status === 'cancelled') return null;
      if (locked.status === 'expired') return expiredProblem('cancelled');
      if (locked.status !== 'pending') return notPendingProblem(locked.status, 'cancelled');
      await this.repository.markClosed(locked.id, 'cancelled', this.clock.now());
      return null;
    });
    return (await this.views.myOrders([order]))[0];
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
      items: await Promise.all(page.items.map((row) => this.views.openOrder(row))),
      nextCursor: page.nextCursor,
      totals: await this.totals(appId),
    };
  }

  private async totals(appId: string): Promise<OrderTotals> {
    const rows = await this.repository.totalsByStatus(appId);
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
      await this.timeouts.closeIfOverdue(order);
      return change(order);
    });
    if (problem) throw problem;
    return this.find(scope, orderId);
  }

  private async find(scope: OrderScope, orderId: string, lock = false): Promise<OrderRow> {
    const row = await this.repository.find(scope, orderId, lock);
    if (!row) throw notFound('Order');
    return row;
  }

  /** A page of the buyer's or the app's orders, newest first. */
  private async list(scope: OrderScope, limit: number, after?: Keyset) {
    return toPage(await this.repository.list(scope, limit, after), limit, (row) => row);
  }
}
