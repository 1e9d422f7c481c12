import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppsService } from '../apps/apps.service';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { SYSTEM_ACCOUNTS } from '../economy/economy.rules';
import { LedgerService } from '../economy/ledger.service';
import { EventsService } from '../events/events.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OrderViews } from './order-views';
import { type OrderRow, OrdersRepository } from './orders.repository';

/** Counts of what one sweep did. */
export interface SweepResult {
  expired: number;
  refunded: number;
}

/**
 * The orders' timeouts: an order unpaid in time expires; one paid but not delivered in time is refunded
 * from escrow. The sweeper closes overdue orders; every transition of an order closes it first if its
 * time is up (OrdersService), so an order is never acted on past its deadline.
 */
@Injectable()
export class OrderTimeouts {
  private readonly logger = new Logger('Orders');

  constructor(
    private readonly em: EntityManager,
    private readonly repository: OrdersRepository,
    private readonly views: OrderViews,
    private readonly ledger: LedgerService,
    private readonly apps: AppsService,
    private readonly events: EventsService,
    private readonly notifications: NotificationsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Expires unpaid orders and refunds undelivered ones whose time is up, one order per transaction
   * (so one failure stops nothing else), at most a batch per call. The sweeper calls it periodically;
   * tests call it after moving the clock.
   */
  async sweep(): Promise<SweepResult> {
    const due = await this.repository.overdue(this.clock.now(), LIMITS.orderSweepBatch);
    const result: SweepResult = { expired: 0, refunded: 0 };
    for (const id of due) {
      try {
        const outcome = await this.em.transactional(async () =>
          this.closeIfOverdue(await this.repository.lock(id)),
        );
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
  async closeIfOverdue(order: OrderRow): Promise<'expired' | 'refunded' | null> {
    const now = this.clock.now();
    if (order.status === 'pending' && new Date(order.expires_at) <= now) {
      await this.repository.markClosed(order.id, 'expired', now);
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
    await this.repository.markRefunded(order.id, posted.createdAt, posted.id);
    Object.assign(order, { status: 'refunded', refunded_at: posted.createdAt, updated_at: posted.createdAt });
    // A deleted app receives no events; the buyer still gets their coins back.
    const app = await this.apps.findById(order.app_id);
    if (!app) return;
    await this.events.publish(
      app.id,
      'order.refunded',
      { order: await this.views.openOrder(order) },
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
}
