import { randomUUID } from 'node:crypto';
import { LIMITS } from '../common/limits';
import { ALL_SCOPES } from '../open-api/open-api.testing';
import { expectProblem } from '../testing/expect-problem';
import { factory, host } from '../testing/file-host';
import { expectNoServerErrors } from '../testing/junk-input';
import { app, buyer, developer, economy, orders, useOrdersHost } from './orders.e2e-setup';
import { ITEM } from './orders.testing';

describe('orders: coins charged through apps (e2e)', () => {
  useOrdersHost();

  describe('creating', () => {
    it('creates a pending order for the token’s user, naming them by openid', async () => {
      const { token, openid } = await buyer();
      const response = await orders.create(token, { item: ITEM, price: 100, metadata: { level: 3 } });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        status: 'pending',
        item: ITEM,
        price: 100,
        buyer: openid,
        platformShare: 30,
        metadata: { level: 3 },
        confirmUrl: `${host.config.publicUrl}/orders/${response.body.id}/confirm`,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        expiresAt: expect.any(String),
        paidAt: null,
        deliveryDueAt: null,
        deliveredAt: null,
        refundedAt: null,
      });
      expect(Date.parse(response.body.expiresAt) - Date.parse(response.body.createdAt)).toBe(
        LIMITS.orderPaymentWindowSeconds * 1000,
      );
      const read = await host.get(`/open/v1/orders/${response.body.id}`, { token });
      expect(read.body).toEqual(response.body);
    });

    it('needs the coins:charge scope', async () => {
      const user = await factory.newUser('noscope');
      const token = await orders.openApi.token(user, app, ALL_SCOPES);
      const [before] = await host.sql<{ n: number }>('select count(*)::int as n from app_order');
      expectProblem(await orders.create(token, { item: ITEM, price: 5 }), 403, 'insufficient_scope');
      const [after] = await host.sql<{ n: number }>('select count(*)::int as n from app_order');
      expect(after.n).toBe(before.n);
    });

    it('is idempotent by key: same body, same order; another body, a conflict', async () => {
      const { token } = await buyer();
      const key = randomUUID();
      const first = await orders.create(token, { item: ITEM, price: 10 }, key);
      const again = await orders.create(token, { item: ITEM, price: 10 }, key);
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      expectProblem(await orders.create(token, { item: ITEM, price: 11 }, key), 409, 'idempotency_conflict');
      const other = await orders.create(token, { item: ITEM, price: 10 });
      expect(other.body.id).not.toBe(first.body.id);
      const rows = await host.sql('select id from app_order where id in (?, ?)', [
        first.body.id,
        other.body.id,
      ]);
      expect(rows).toHaveLength(2);
    });

    it('refuses a missing or malformed Idempotency-Key and invalid bodies with 400', async () => {
      const { token } = await buyer();
      const missing = await host.post('/open/v1/orders', {
        token,
        body: { item: ITEM, price: 1 },
        raw: true,
      });
      expectProblem(missing, 400, 'validation_failed');
      for (const key of ['has space', 'x'.repeat(LIMITS.idempotencyKeyMax + 1)]) {
        expectProblem(await orders.create(token, { item: ITEM, price: 1 }, key), 400, 'validation_failed');
      }
      for (const body of [
        { item: ITEM, price: 0 },
        { item: ITEM, price: 1.5 },
        { item: ITEM, price: LIMITS.orderPriceMax + 1 },
        { item: { ...ITEM, sku: 'no spaces allowed' }, price: 1 },
        { item: { ...ITEM, name: '   ' }, price: 1 },
        { item: { ...ITEM, name: 'a\u0000b' }, price: 1 },
        { item: ITEM, price: 1, metadata: { blob: 'x'.repeat(LIMITS.orderMetadataBytes) } },
        { item: ITEM, price: 1, metadata: { '\u0000': 1 } },
        { item: ITEM, price: 1, metadata: [1, 2] },
        { item: ITEM, price: 1, extra: true },
        { price: 1 },
      ]) {
        expectProblem(await orders.create(token, body), 400, 'validation_failed');
      }
    });

    it('shows an app its own orders only', async () => {
      const { token } = await buyer();
      const orderId = await orders.order(token, 3);
      const otherApp = await orders.app();
      const otherToken = await orders.openApi.token(await factory.newUser('other'), otherApp);
      expectProblem(await host.get(`/open/v1/orders/${orderId}`, { token: otherToken }), 404, 'not_found');
      expectProblem(await orders.deliver(otherToken, orderId), 404, 'not_found');
    });
  });

  describe('lists', () => {
    it('lists my orders newest first, a page at a time', async () => {
      const { user, token } = await buyer();
      const ids = [await orders.order(token, 1), await orders.order(token, 2), await orders.order(token, 3)];
      const first = await host.get('/me/orders', { token: user.token, query: { limit: 2 } });
      expect(first.body.items.map((order: { id: string }) => order.id)).toEqual([ids[2], ids[1]]);
      expect(first.body.items[0].app).toMatchObject({ id: app.id });
      const second = await host.get('/me/orders', {
        token: user.token,
        query: { limit: 2, cursor: first.body.nextCursor },
      });
      expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
      const stranger = await factory.newUser('empty');
      expect((await host.get('/me/orders', { token: stranger.token })).body).toEqual({
        items: [],
        nextCursor: null,
      });
    });

    it('shows the developer their app’s orders by openid, with totals', async () => {
      const soloApp = await orders.app();
      const { user } = await buyer(100);
      const token = await orders.openApi.token(user, soloApp);
      const openid = await orders.openApi.openid(token);
      const delivered = await orders.order(token, 10);
      await orders.pay(user, delivered);
      await orders.deliver(token, delivered);
      const held = await orders.order(token, 20);
      await orders.pay(user, held);
      await orders.order(token, 5);

      const response = await host.get(`/developer/apps/${soloApp.id}/orders`, {
        token: soloApp.developer.token,
      });
      expect(response.status).toBe(200);
      expect(response.body.items.map((order: { buyer: string }) => order.buyer)).toEqual([
        openid,
        openid,
        openid,
      ]);
      expect(JSON.stringify(response.body)).not.toContain(user.id);
      expect(response.body.totals).toEqual({
        pending: 1,
        paid: 1,
        delivered: 1,
        cancelled: 0,
        expired: 0,
        refunded: 0,
        deliveredCoins: 10,
        developerCoins: 7,
        platformCoins: 3,
        escrowCoins: 20,
      });
      expectProblem(
        await host.get(`/developer/apps/${soloApp.id}/orders`, { token: developer.token }),
        404,
        'not_found',
      );
    });
  });

  it('answers junk with 4xx problems, never a server error', async () => {
    const { user, token } = await buyer(10);
    const orderId = await orders.order(token, 1);
    const junk = {
      params: [orderId, 'x', "1' or '1'='1", '%00', 'a'.repeat(400)],
      bodies: [null, [], 'text', 42, { item: { sku: ['x'] }, price: '1' }, { item: ITEM, price: 1e308 }],
      query: { limit: 'NaN', cursor: '!!' },
    };
    for (const path of ['/open/v1/orders', '/open/v1/orders/{id}', '/open/v1/orders/{id}/delivery']) {
      for (const method of path === '/open/v1/orders/{id}' ? ['GET'] : ['POST']) {
        await expectNoServerErrors(
          host,
          { method, path },
          {
            ...junk,
            authorized: `Bearer ${token}`,
            refused: [undefined, 'Bearer nope'],
          },
        );
      }
    }
    for (const [method, path] of [
      ['GET', '/me/orders'],
      ['GET', '/me/orders/{id}'],
      ['POST', '/me/orders/{id}/pay'],
      ['POST', '/me/orders/{id}/cancel'],
      ['GET', '/developer/apps/{id}/orders'],
    ]) {
      await expectNoServerErrors(
        host,
        { method, path },
        {
          ...junk,
          authorized: `Bearer ${user.token}`,
          refused: [undefined],
        },
      );
    }
    expect(await economy.negativeWallets()).toEqual([]);
  });
});
