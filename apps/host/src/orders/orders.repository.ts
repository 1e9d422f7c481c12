import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { type Keyset, keysetCondition } from '../common/pagination';
import { sqlRows, sqlRun } from '../database/sql';
import type { OrderStatus } from './dto/orders.dto';

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
export type OrderScope = { buyerId: string } | { appId: string };

/** A new pending order. */
export interface NewOrder {
  id: string;
  appId: string;
  buyerId: string;
  sku: string;
  name: string;
  description: string | null;
  price: number;
  metadata: Record<string, unknown> | null;
  createdAt: Date;
  expiresAt: Date;
}

/** One status's orders of an app: how many, their coins, and the platform's share of them. */
export interface StatusTotals {
  status: OrderStatus;
  orders: number;
  coins: string;
  platform: string;
}

/** The column that picks a scope's orders, and its value. */
function scopeColumn(scope: OrderScope): [column: 'buyer_id' | 'app_id', value: string] {
  return 'buyerId' in scope ? ['buyer_id', scope.buyerId] : ['app_id', scope.appId];
}

/** SQL of the orders module's table (`app_order`) for OrdersService and OrderTimeouts. */
@Injectable()
export class OrdersRepository {
  constructor(private readonly em: EntityManager) {}

  async insert(order: NewOrder): Promise<void> {
    await sqlRun(
      this.em,
      `insert into app_order (id, app_id, buyer_id, sku, name, description, price, metadata, status,
         created_at, updated_at, expires_at)
       values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'pending', ?, ?, ?)`,
      [
        order.id,
        order.appId,
        order.buyerId,
        order.sku,
        order.name,
        order.description,
        order.price,
        order.metadata === null ? null : JSON.stringify(order.metadata),
        order.createdAt,
        order.createdAt,
        order.expiresAt,
      ],
    );
  }

  /** The order if the scope may see it; with `lock`, under its row lock for the rest of the transaction. */
  async find(scope: OrderScope, orderId: string, lock = false): Promise<OrderRow | null> {
    const [column, value] = scopeColumn(scope);
    const [row] = await sqlRows<OrderRow>(
      this.em,
      `select * from app_order where id = ? and ${column} = ?${lock ? ' for update' : ''}`,
      [orderId, value],
    );
    return row ?? null;
  }

  /** The order under its row lock, whoever's it is (the sweeper's). */
  async lock(orderId: string): Promise<OrderRow> {
    const [row] = await sqlRows<OrderRow>(this.em, 'select * from app_order where id = ? for update', [
      orderId,
    ]);
    return row;
  }

  /** The buyer's or the app's orders, newest first, after the keyset; one more than `limit`. */
  list(scope: OrderScope, limit: number, after?: Keyset): Promise<OrderRow[]> {
    const [column, value] = scopeColumn(scope);
    const keyset = keysetCondition('o', after);
    return sqlRows<OrderRow>(
      this.em,
      `select o.* from app_order o where o.${column} = ? and ${keyset.sql}
        order by o.created_at desc, o.id desc limit ?`,
      [value, ...keyset.params, limit + 1],
    );
  }

  /** The app's orders by status (statuses without orders are left out). */
  totalsByStatus(appId: string): Promise<StatusTotals[]> {
    return sqlRows<StatusTotals>(
      this.em,
      `select status, count(*)::int as orders, coalesce(sum(price), 0)::bigint as coins,
              coalesce(sum(platform_share), 0)::bigint as platform
         from app_order where app_id = ? group by status`,
      [appId],
    );
  }

  /** Up to `limit` unpaid orders past their expiry and `limit` paid ones past their delivery time. */
  async overdue(now: Date, limit: number): Promise<string[]> {
    const rows = await sqlRows<{ id: string }>(
      this.em,
      `(select id from app_order where status = 'pending' and expires_at <= ? order by expires_at limit ?)
       union all
       (select id from app_order where status = 'paid' and delivery_due_at <= ? order by delivery_due_at limit ?)`,
      [now, limit, now, limit],
    );
    return rows.map((row) => row.id);
  }

  async markPaid(orderId: string, paidAt: Date, deliveryDueAt: Date, transactionId: string): Promise<void> {
    await sqlRun(
      this.em,
      `update app_order set status = 'paid', paid_at = ?, delivery_due_at = ?, updated_at = ?,
         payment_transaction_id = ? where id = ?`,
      [paidAt, deliveryDueAt, paidAt, transactionId, orderId],
    );
  }

  async markDelivered(
    orderId: string,
    deliveredAt: Date,
    platformShare: number,
    transactionId: string,
  ): Promise<void> {
    await sqlRun(
      this.em,
      `update app_order set status = 'delivered', delivered_at = ?, updated_at = ?, platform_share = ?,
         delivery_transaction_id = ? where id = ?`,
      [deliveredAt, deliveredAt, platformShare, transactionId, orderId],
    );
  }

  async markRefunded(orderId: string, refundedAt: Date, transactionId: string): Promise<void> {
    await sqlRun(
      this.em,
      `update app_order set status = 'refunded', refunded_at = ?, updated_at = ?, refund_transaction_id = ?
        where id = ?`,
      [refundedAt, refundedAt, transactionId, orderId],
    );
  }

  /** A pending order ends without payment: the buyer cancelled it, or it expired. */
  async markClosed(orderId: string, status: 'cancelled' | 'expired', at: Date): Promise<void> {
    await sqlRun(this.em, 'update app_order set status = ?, updated_at = ? where id = ?', [
      status,
      at,
      orderId,
    ]);
  }
}
