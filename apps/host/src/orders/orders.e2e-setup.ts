import { ADMIN, EconomyHelper } from '../economy/economy.testing';
import { UNLIMITED_RATES } from '../open-api/open-api.testing';
import type { TestApp, TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';
import { OrdersKit } from './orders.testing';

/* What the orders e2e specs share: an app that may charge coins, its developer, and buyers with coins. */

export const MINUTE = 60_000;

export let economy: EconomyHelper;
export let orders: OrdersKit;
export let app: TestApp;
export let developer: TestUser;

/** Starts the file's host with the configured admin, no Open API rate limits, and an approved app that charges. */
export function useOrdersHost(): void {
  useFileHost({
    bootstrapAdmin: ADMIN,
    openApiRateLimits: UNLIMITED_RATES,
  });
  beforeAll(async () => {
    economy = new EconomyHelper(host);
    orders = new OrdersKit(host, factory);
    app = await orders.app();
    developer = app.developer;
  });
}

/** A new user of the app with `coins` in their wallet, and the app's token for them. */
export async function buyer(coins = 0): Promise<{ user: TestUser; token: string; openid: string }> {
  const user = await factory.newUser('buyer');
  if (coins > 0) await economy.grant(user, coins);
  const token = await orders.openApi.token(user, app);
  return { user, token, openid: await orders.openApi.openid(token) };
}

/** Every figure a payment moves. */
export async function figures(user: TestUser) {
  return {
    buyer: await economy.balance(user),
    developer: await economy.balance(developer),
    escrow: await orders.escrow(),
    revenue: await orders.revenue(),
  };
}
