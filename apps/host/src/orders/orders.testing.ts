import { randomUUID } from 'node:crypto';
import { DatabaseService } from '../database/database.module';
import { SYSTEM_ACCOUNTS } from '../economy/economy.rules';
import { ALL_SCOPES, OpenApiKit } from '../open-api/open-api.testing';
import type { TestApp, TestFactory, TestUser } from '../testing/factory';
import type { TestHost } from '../testing/test-host';
import { OrderTimeouts, type SweepResult } from './order-timeouts.service';

export const ORDER_SCOPES = [...ALL_SCOPES, 'coins:charge'];

export const ITEM = { sku: 'seed.pack:10', name: 'Ten seeds', description: 'For the farm' };

/** Test helpers for orders: an app that may charge, orders through the Open API, ledger figures. */
export class OrdersKit {
  readonly openApi: OpenApiKit;

  constructor(
    private readonly host: TestHost,
    factory: TestFactory,
  ) {
    this.openApi = new OpenApiKit(host, factory);
  }

  /** An approved app that may charge coins. */
  app(): Promise<TestApp> {
    return this.openApi.approvedApp({ scopes: ORDER_SCOPES });
  }

  /** POST /open/v1/orders with an Idempotency-Key (a fresh one unless given). */
  create(token: string, body: unknown, key: string = randomUUID()) {
    return this.host.post('/open/v1/orders', { token, body, headers: { 'Idempotency-Key': key } });
  }

  /** A pending order of `price` coins; its id. */
  async order(token: string, price: number): Promise<string> {
    const response = await this.create(token, { item: ITEM, price });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  pay(buyer: TestUser, orderId: string) {
    return this.host.post(`/me/orders/${orderId}/pay`, { token: buyer.token });
  }

  deliver(token: string, orderId: string) {
    return this.host.post(`/open/v1/orders/${orderId}/delivery`, { token });
  }

  /** Runs the sweeper's work now, as its timer would. */
  sweep(): Promise<SweepResult> {
    return this.host.app.get(DatabaseService).withContext(() => this.host.app.get(OrderTimeouts).sweep());
  }

  private async systemBalance(accountId: string): Promise<number> {
    const [row] = await this.host.sql<{ balance: string }>(
      'select coalesce(sum(amount), 0)::text as balance from coin_entry where account_id = ?',
      [accountId],
    );
    return Number(row.balance);
  }

  escrow = () => this.systemBalance(SYSTEM_ACCOUNTS.escrow);
  revenue = () => this.systemBalance(SYSTEM_ACCOUNTS.revenue);

  /** The events recorded for an app, oldest first. */
  events(appId: string) {
    return this.host.sql<{ type: string; user_id: string | null; data: { order?: Record<string, unknown> } }>(
      'select type, user_id, data from app_event where app_id = ? order by created_at, id',
      [appId],
    );
  }

  async status(orderId: string): Promise<string> {
    const [row] = await this.host.sql<{ status: string }>('select status from app_order where id = ?', [
      orderId,
    ]);
    return row.status;
  }
}
