import request from 'supertest';
import { ADMIN, EconomyHelper } from '../economy/economy.testing';
import { type TestApp, type TestUser } from '../testing/factory';
import { OrdersKit } from './orders.testing';
import { factory, host, useFileHost } from '../testing/file-host';

const CSRF_COOKIE = 'kj_order_confirm';

describe('orders: the confirmation page (e2e)', () => {
  useFileHost({ bootstrapAdmin: ADMIN });

  let economy: EconomyHelper;
  let orders: OrdersKit;
  let app: TestApp;

  beforeAll(async () => {
    economy = new EconomyHelper(host);
    orders = new OrdersKit(host, factory);
    app = await orders.openApi.approvedApp({
      name: 'Farm <Friends> & "Co"',
      scopes: ['profile:read', 'coins:charge'],
      redirectUris: ['https://app.example/callback'],
    });
  });

  const http = () => request(host.app.getHttpServer());

  /** A buyer with coins and a pending order of `price`; the order id. */
  async function pendingOrder(coins: number, price: number): Promise<{ user: TestUser; orderId: string }> {
    const user = await factory.newUser('payer');
    if (coins > 0) await economy.grant(user, coins);
    const orderId = await orders.order(await orders.openApi.token(user, app), price);
    return { user, orderId };
  }

  /** Opens the page as `user` (by session cookie); the response and the form's CSRF token and cookie. */
  async function open(user: TestUser, orderId: string, returnTo?: string) {
    const response = await http()
      .get(`/orders/${orderId}/confirm`)
      .query(returnTo ? { return_to: returnTo } : {})
      .set('Cookie', `kj_session=${user.token}`);
    const csrfToken = /name="csrf_token" value="([^"]*)"/.exec(response.text)?.[1];
    const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const cookie = setCookie.find((value) => value.startsWith(`${CSRF_COOKIE}=`))?.split(';')[0];
    return { response, csrfToken, cookie };
  }

  function submit(user: TestUser, orderId: string, form: Record<string, string>, cookies: string[]) {
    return http()
      .post(`/orders/${orderId}/confirm`)
      .type('form')
      .set('Cookie', [`kj_session=${user.token}`, ...cookies].join('; '))
      .send(form);
  }

  it('shows the item, price and balance, escaped, in a page that cannot be framed or cached', async () => {
    const { user, orderId } = await pendingOrder(40, 25);
    const { response, csrfToken, cookie } = await open(user, orderId);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.text).toContain('Ten seeds');
    expect(response.text).toContain('支付 25 金币');
    expect(response.text).toContain('你的余额：40 金币');
    expect(response.text).toContain('Farm &lt;Friends&gt; &amp; &quot;Co&quot;');
    expect(response.text).not.toContain('<Friends>');
    expect(csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie).toBe(`${CSRF_COOKIE}=${csrfToken}`);
  });

  it('pays when the form carries the CSRF token of its cookie, and returns to the app', async () => {
    const { user, orderId } = await pendingOrder(40, 25);
    const returnTo = 'https://app.example/shop?tab=seeds';
    const { csrfToken, cookie } = await open(user, orderId, returnTo);
    const response = await submit(
      user,
      orderId,
      { csrf_token: csrfToken!, decision: 'pay', return_to: returnTo },
      [cookie!],
    );
    expect(response.status).toBe(303);
    const location = new URL(response.headers.location);
    expect(location.origin + location.pathname).toBe('https://app.example/shop');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      tab: 'seeds',
      order_id: orderId,
      status: 'paid',
    });
    expect(await economy.balance(user)).toBe(15);
    expect(await orders.status(orderId)).toBe('paid');

    // the page of a paid order shows where it stands, with no form
    const again = await open(user, orderId);
    expect(again.response.text).toContain('已支付');
    expect(again.csrfToken).toBeUndefined();
  });

  it('refuses a post without the matching CSRF cookie, changing nothing', async () => {
    const { user, orderId } = await pendingOrder(40, 25);
    const { csrfToken, cookie } = await open(user, orderId);
    const forged = [
      submit(user, orderId, { csrf_token: csrfToken!, decision: 'pay' }, []),
      submit(user, orderId, { decision: 'pay' }, [cookie!]),
      submit(user, orderId, { csrf_token: 'x'.repeat(43), decision: 'pay' }, [cookie!]),
    ];
    for (const response of await Promise.all(forged)) {
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
    }
    expect(await economy.balance(user)).toBe(40);
    expect(await orders.status(orderId)).toBe('pending');
  });

  it('cancels, and explains a payment the buyer cannot afford', async () => {
    const { user, orderId } = await pendingOrder(10, 25);
    const { response, csrfToken, cookie } = await open(user, orderId);
    expect(response.text).toContain('你的余额不够支付这笔订单');
    const refused = await submit(user, orderId, { csrf_token: csrfToken!, decision: 'pay' }, [cookie!]);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('金币不够了');
    const cancelled = await submit(user, orderId, { csrf_token: csrfToken!, decision: 'cancel' }, [cookie!]);
    expect(cancelled.status).toBe(200);
    expect(cancelled.text).toContain('已取消');
    expect(await orders.status(orderId)).toBe('cancelled');
    expect(await economy.balance(user)).toBe(10);
  });

  it('returns only to the app’s own origins', async () => {
    const { user, orderId } = await pendingOrder(40, 25);
    for (const returnTo of [
      'https://evil.example/callback',
      'https://app.example.evil.example/',
      'https://app.example@evil.example/',
      'http://app.example/callback',
      'javascript:alert(1)',
      '//evil.example',
    ]) {
      const { response } = await open(user, orderId, returnTo);
      expect({ returnTo, status: response.status, location: response.headers.location }).toEqual({
        returnTo,
        status: 400,
        location: undefined,
      });
    }
  });

  it('shows the order to its buyer only, and asks anyone else to sign in', async () => {
    const { orderId } = await pendingOrder(0, 5);
    const stranger = await factory.newUser('stranger');
    expect((await open(stranger, orderId)).response.status).toBe(404);
    expect((await open(stranger, 'not-an-id')).response.status).toBe(404);
    const anonymous = await http().get(`/orders/${orderId}/confirm`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.text).toContain('请先登录');
    const inEnglish = await http().get(`/orders/${orderId}/confirm`).set('Accept-Language', 'en-US,en');
    expect(inEnglish.text).toContain('Sign in to Kongjian in this browser');
  });
});
