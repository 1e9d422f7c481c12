import { Inject, Injectable } from '@nestjs/common';
import { AppsService } from '../apps/apps.service';
import { AuthorizationsService } from '../apps/authorizations.service';
import { iso } from '../common/time';
import { HOST_CONFIG, type HostConfig } from '../config/config';
import { platformShare } from '../economy/economy.rules';
import type { MyOrder, OpenOrder } from './dto/orders.dto';
import type { OrderRow } from './orders.repository';

/** Orders as their audiences see them: the app (the buyer by openid) and the buyer (the app by name). */
@Injectable()
export class OrderViews {
  constructor(
    private readonly apps: AppsService,
    private readonly authorizations: AuthorizationsService,
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
  ) {}

  confirmUrl(orderId: string): string {
    return `${this.config.publicUrl}/orders/${orderId}/confirm`;
  }

  async openOrder(row: OrderRow): Promise<OpenOrder> {
    return {
      ...this.base(row),
      buyer: await this.authorizations.openidFor(row.app_id, row.buyer_id),
      platformShare: row.platform_share ?? platformShare(Number(row.price)),
      metadata: row.metadata,
    };
  }

  async myOrders(rows: OrderRow[]): Promise<MyOrder[]> {
    const labels = await this.apps.labels(rows.map((row) => row.app_id));
    return rows.map((row) => ({ ...this.base(row), app: labels.get(row.app_id) ?? null }));
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
}
