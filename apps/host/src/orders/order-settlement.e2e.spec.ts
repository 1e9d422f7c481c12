import { LIMITS } from '../common/limits';
import { PLATFORM_SHARE_PERCENT } from '../economy/economy.rules';
import { expectProblem } from '../testing/expect-problem';
import { factory, host } from '../testing/file-host';
import { MINUTE, app, buyer, developer, economy, figures, orders, useOrdersHost } from './orders.e2e-setup';

describe('orders: coins charged through apps (e2e)', () => {
  useOrdersHost();

  describe('paying and delivering', () => {
    it('holds the coins in escrow when paid and splits them on delivery', async () => {
      const { user, token, openid } = await buyer(500);
      const orderId = await orders.order(token, 100);
      const before = await figures(user);

      const paid = await orders.pay(user, orderId);
      expect(paid.status).toBe(200);
      expect(paid.body).toMatchObject({ id: orderId, status: 'paid', app: { id: app.id } });
      expect(Date.parse(paid.body.deliveryDueAt) - Date.parse(paid.body.paidAt)).toBe(
        LIMITS.orderDeliveryWindowSeconds * 1000,
      );
      expect(await figures(user)).toEqual({
        ...before,
        buyer: before.buyer - 100,
        escrow: before.escrow + 100,
      });
      const events = (await orders.events(app.id)).filter((event) => event.data.order?.id === orderId);
      expect(events).toEqual([
        {
          type: 'order.paid',
          user_id: user.id,
          data: {
            order: expect.objectContaining({ id: orderId, status: 'paid', buyer: openid, price: 100 }),
          },
        },
      ]);

      const delivered = await orders.deliver(token, orderId);
      expect(delivered.status).toBe(200);
      expect(delivered.body).toMatchObject({ status: 'delivered', platformShare: 30 });
      const after = {
        buyer: before.buyer - 100,
        developer: before.developer + 70,
        escrow: before.escrow,
        revenue: before.revenue + 30,
      };
      expect(await figures(user)).toEqual(after);

      const again = await orders.deliver(token, orderId);
      expect(again.status).toBe(200);
      expect(again.body.deliveredAt).toBe(delivered.body.deliveredAt);
      expect(await orders.pay(user, orderId)).toMatchObject({ status: 200, body: { status: 'delivered' } });
      expect(await figures(user)).toEqual(after);
      expect(await economy.unbalancedTransactions()).toEqual([]);
    });

    it(`rounds the platform's ${PLATFORM_SHARE_PERCENT} % up, in its favour`, async () => {
      const { user, token } = await buyer(20);
      for (const [price, share] of [
        [7, 3],
        [1, 1],
      ]) {
        const orderId = await orders.order(token, price);
        await orders.pay(user, orderId);
        const before = await figures(user);
        expect((await orders.deliver(token, orderId)).body.platformShare).toBe(share);
        expect(await figures(user)).toEqual({
          ...before,
          developer: before.developer + price - share,
          escrow: before.escrow - price,
          revenue: before.revenue + share,
        });
      }
    });

    it('refuses a buyer who cannot pay, changing nothing and publishing nothing', async () => {
      const { user, token } = await buyer(50);
      const orderId = await orders.order(token, 51);
      const snapshot = await economy.snapshot();
      const events = await orders.events(app.id);
      expectProblem(await orders.pay(user, orderId), 409, 'insufficient_funds');
      expect(await economy.snapshot()).toEqual(snapshot);
      expect(await orders.events(app.id)).toEqual(events);
      expect(await orders.status(orderId)).toBe('pending');
    });

    it('lets only the buyer see and pay their order', async () => {
      const { token } = await buyer();
      const orderId = await orders.order(token, 1);
      const stranger = await factory.newUser('stranger');
      await economy.grant(stranger, 10);
      expectProblem(await host.get(`/me/orders/${orderId}`, { token: stranger.token }), 404, 'not_found');
      expectProblem(await orders.pay(stranger, orderId), 404, 'not_found');
      expectProblem(
        await host.post(`/me/orders/${orderId}/cancel`, { token: stranger.token }),
        404,
        'not_found',
      );
      expect(await economy.balance(stranger)).toBe(10);
    });

    it('follows the state machine: delivery needs payment, cancelling needs a pending order', async () => {
      const { user, token } = await buyer(10);
      const orderId = await orders.order(token, 5);
      expectProblem(await orders.deliver(token, orderId), 409, 'order_not_paid');
      const cancelled = await host.post(`/me/orders/${orderId}/cancel`, { token: user.token });
      expect(cancelled.body.status).toBe('cancelled');
      expect((await host.post(`/me/orders/${orderId}/cancel`, { token: user.token })).body.status).toBe(
        'cancelled',
      );
      expectProblem(await orders.pay(user, orderId), 409, 'order_not_pending');
      expectProblem(await orders.deliver(token, orderId), 409, 'order_not_paid');

      const paidId = await orders.order(token, 5);
      await orders.pay(user, paidId);
      expectProblem(
        await host.post(`/me/orders/${paidId}/cancel`, { token: user.token }),
        409,
        'order_not_pending',
      );
      expect(await economy.balance(user)).toBe(5);
      // delivered, so that no coins of this test wait in escrow for the timeout tests below
      expect((await orders.deliver(token, paidId)).body.status).toBe('delivered');
    });
  });

  describe('timeouts', () => {
    it('refunds a paid order the app did not deliver in time, and tells buyer and app', async () => {
      const { user, token } = await buyer(300);
      const orderId = await orders.order(token, 200);
      await orders.pay(user, orderId);
      const paidFigures = await figures(user);

      host.clock.advance(LIMITS.orderDeliveryWindowSeconds * 1000 - MINUTE);
      await orders.sweep();
      expect(await orders.status(orderId)).toBe('paid');

      host.clock.advance(2 * MINUTE);
      await orders.sweep();
      expect(await orders.status(orderId)).toBe('refunded');
      expect(await figures(user)).toEqual({
        ...paidFigures,
        buyer: paidFigures.buyer + 200,
        escrow: paidFigures.escrow - 200,
      });
      const mine = await host.get(`/me/orders/${orderId}`, { token: user.token });
      expect(mine.body).toMatchObject({ status: 'refunded', refundedAt: expect.any(String) });
      const refunds = (await orders.events(app.id)).filter(
        (event) => event.type === 'order.refunded' && event.data.order?.id === orderId,
      );
      expect(refunds).toHaveLength(1);
      expect(refunds[0].data.order).toMatchObject({ status: 'refunded' });
      const notifications = await host.sql<{ kind: string; app_id: string; subject_id: string }>(
        'select kind, app_id, subject_id from notification where recipient_id = ?',
        [user.id],
      );
      expect(notifications).toEqual([{ kind: 'order_refunded', app_id: app.id, subject_id: orderId }]);

      // the access token expired meanwhile; the app signs the user in again and is told it is too late
      const fresh = await orders.openApi.token(user, app);
      expectProblem(await orders.deliver(fresh, orderId), 409, 'order_not_paid');
      await orders.sweep();
      expect(await economy.balance(user)).toBe(300);
    });

    it('refunds an overdue order when the app confirms too late, before any sweep', async () => {
      const { user, token } = await buyer(10);
      const orderId = await orders.order(token, 10);
      await orders.pay(user, orderId);
      host.clock.advance(LIMITS.orderDeliveryWindowSeconds * 1000 - MINUTE);
      const fresh = await orders.openApi.token(user, app);
      host.clock.advance(2 * MINUTE);
      expectProblem(await orders.deliver(fresh, orderId), 409, 'order_not_paid');
      expect(await orders.status(orderId)).toBe('refunded');
      expect(await economy.balance(user)).toBe(10);
    });

    it('expires an order nobody paid in time', async () => {
      const { user, token } = await buyer(100);
      const ids = [await orders.order(token, 10), await orders.order(token, 20)];
      host.clock.advance(LIMITS.orderPaymentWindowSeconds * 1000 - MINUTE);
      await orders.sweep();
      expect(await orders.status(ids[0])).toBe('pending');
      host.clock.advance(2 * MINUTE);
      await orders.sweep();
      for (const id of ids) expect(await orders.status(id)).toBe('expired');
      expectProblem(await orders.pay(user, ids[0]), 409, 'order_expired');
      expectProblem(
        await host.post(`/me/orders/${ids[1]}/cancel`, { token: user.token }),
        409,
        'order_expired',
      );
      expect(await economy.balance(user)).toBe(100);
    });

    it('expires an overdue order when the buyer tries to pay it before any sweep', async () => {
      const { user, token } = await buyer(100);
      const orderId = await orders.order(token, 10);
      host.clock.advance(LIMITS.orderPaymentWindowSeconds * 1000 + MINUTE);
      expectProblem(await orders.pay(user, orderId), 409, 'order_expired');
      expect(await orders.status(orderId)).toBe('expired');
      expect(await economy.balance(user)).toBe(100);
    });
  });

  describe('races', () => {
    it('pays once when the buyer pays ten times at once', async () => {
      const { user, token } = await buyer(100);
      const orderId = await orders.order(token, 60);
      const responses = await Promise.all(Array.from({ length: 10 }, () => orders.pay(user, orderId)));
      expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
      expect(await economy.balance(user)).toBe(40);
      const payments = await host.sql(
        `select id from coin_transaction where kind = 'order_payment' and actor_id = ?`,
        [user.id],
      );
      expect(payments).toHaveLength(1);
      const paidEvents = (await orders.events(app.id)).filter(
        (event) => event.type === 'order.paid' && event.data.order?.id === orderId,
      );
      expect(paidEvents).toHaveLength(1);
    });

    it('settles racing pay and cancel into one outcome', async () => {
      const { user, token } = await buyer(100);
      for (let round = 0; round < 3; round++) {
        const orderId = await orders.order(token, 10);
        const before = await economy.balance(user);
        const [paid, cancelled] = await Promise.all([
          orders.pay(user, orderId),
          host.post(`/me/orders/${orderId}/cancel`, { token: user.token }),
        ]);
        const status = await orders.status(orderId);
        expect(['paid', 'cancelled']).toContain(status);
        expect(await economy.balance(user)).toBe(status === 'paid' ? before - 10 : before);
        // the loser of the race is told the order is no longer pending
        const loser = status === 'paid' ? cancelled : paid;
        expectProblem(loser, 409, 'order_not_pending');
      }
    });

    it('delivers once when the app confirms five times at once', async () => {
      const { user, token } = await buyer(100);
      const orderId = await orders.order(token, 100);
      await orders.pay(user, orderId);
      const before = await economy.balance(developer);
      const responses = await Promise.all(Array.from({ length: 5 }, () => orders.deliver(token, orderId)));
      expect(responses.map((response) => response.status)).toEqual(Array(5).fill(200));
      expect(await economy.balance(developer)).toBe(before + 70);
    });
  });
});
