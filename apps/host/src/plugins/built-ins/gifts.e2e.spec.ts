import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { DatabaseService } from '../../database/database.module';
import { EventsService } from '../../events/events.service';
import { expectProblem } from '../../testing/expect-problem';
import type { TestUser } from '../../testing/factory';
import { PluginTestKit } from '../plugins.testing';

const API = '/apps/gifts/api';

describe('the gifts plugin (e2e)', () => {
  let kit: PluginTestKit;
  let alice: TestUser;
  let bob: TestUser;
  /** alice's friend who does not use gifts. */
  let carol: TestUser;
  /** Uses gifts but is not alice's friend. */
  let dave: TestUser;

  const openid = (user: TestUser) => kit.openid(user, 'gifts');
  const balance = async (user: TestUser) =>
    (await kit.host.get('/wallet', { token: user.token })).body.balance;
  const wall = async (owner: TestUser, viewer: TestUser) => {
    const response = await kit.host.get(`/spaces/${owner.id}/gifts`, { token: viewer.token });
    expect(response.status).toBe(200);
    return response.body.items;
  };
  const notifications = async (user: TestUser, kind: string) => {
    const response = await kit.host.get('/notifications', { token: user.token, query: { limit: 100 } });
    expect(response.status).toBe(200);
    return response.body.items.filter((item: any) => item.kind === kind);
  };
  const giftStories = async (viewer: TestUser): Promise<string[]> => {
    const feed = await kit.host.get('/feed', { token: viewer.token, query: { limit: 100 } });
    expect(feed.status).toBe(200);
    return feed.body.items
      .map((item: any) => item.post)
      .filter((post: any) => post.kind === 'story' && post.app?.id === kit.appId('gifts'))
      .map((post: any) => post.body);
  };
  /** Sends a gift the way the canvas does: start it, pay the order in the host, let the event through. */
  const sendAndPay = async (from: TestUser, to: TestUser, giftId: string, message?: string) => {
    const started = await kit.call(from, 'POST', `${API}/gifts`, { to: await openid(to), giftId, message });
    expect(started.status).toBe(201);
    const paid = await kit.host.post(`/me/orders/${started.body.order.id}/pay`, { token: from.token });
    expect(paid.status).toBe(200);
    await kit.deliverEvents();
    return started.body.order.id as string;
  };

  beforeAll(async () => {
    kit = await PluginTestKit.start({ plugins: ['gifts'] });
    const { factory } = kit;
    [alice, bob, carol, dave] = await Promise.all(
      ['alice', 'bob', 'carol', 'dave'].map((name) => factory.newUser(name)),
    );
    await factory.befriend(alice, bob);
    await factory.befriend(alice, carol);
    for (const user of [alice, bob, dave]) await kit.installFor(user, 'gifts');
    const admin = await factory.admin();
    const granted = await kit.host.post(`/admin/users/${alice.id}/coin-grants`, {
      token: admin.token,
      body: { amount: 1000, idempotencyKey: randomUUID() },
    });
    expect(granted.status).toBe(201);
  });

  afterAll(() => kit.close());

  it('shows the catalog and the friends a gift can go to', async () => {
    const catalog = await kit.call(alice, 'GET', `${API}/catalog`);
    expect(catalog.status).toBe(200);
    expect(catalog.body.items).toContainEqual(
      expect.objectContaining({ id: 'rose', name: '玫瑰', price: 10 }),
    );
    const friends = await kit.call(alice, 'GET', `${API}/friends`);
    expect(friends.body.items.map((friend: any) => friend.openid)).toEqual([await openid(bob)]);

    // The canvas shows each gift's picture from the plugin's ui/ folder.
    const page = await kit.host.call('GET', '/apps/gifts/', { raw: true });
    expect(page.status).toBe(200);
    for (const gift of catalog.body.items) {
      const image = await kit.host.call('GET', `/apps/gifts/${gift.image}`, { raw: true });
      expect({ gift: gift.id, status: image.status }).toEqual({ gift: gift.id, status: 200 });
      expect(image.headers['content-type']).toMatch(/^image\/svg\+xml/);
    }
  });

  it("sends a paid gift to the friend's gift wall, with a notification and a story, charging the sender", async () => {
    const orderId = await sendAndPay(alice, bob, 'rose', '生日快乐！');

    expect(await balance(alice)).toBe(990);
    const order = await kit.call(alice, 'GET', `${API}/orders/${orderId}`);
    expect(order.body.status).toBe('delivered');
    expect(await wall(bob, alice)).toEqual([
      expect.objectContaining({
        sender: expect.objectContaining({ id: alice.id }),
        app: expect.objectContaining({ id: kit.appId('gifts') }),
        name: '🌹 玫瑰',
        message: '生日快乐！',
        thanks: null,
      }),
    ]);
    const received = await notifications(bob, 'gift_received');
    expect(received).toEqual([expect.objectContaining({ actor: expect.objectContaining({ id: alice.id }) })]);
    const nickname = (await kit.call(alice, 'GET', `${API}/friends`)).body.items[0].nickname;
    expect(await giftStories(bob)).toEqual([`送给 ${nickname} 一朵玫瑰 🌹：生日快乐！`]);
  });

  it('sends one gift and one story when the paid event comes twice', async () => {
    const orderId = await sendAndPay(alice, bob, 'cake');
    const [paid] = await kit.host.sql<{ data: unknown }>(
      `select data from app_event where type = 'order.paid' and data->'order'->>'id' = ?`,
      [orderId],
    );
    const em = kit.host.app.get(EntityManager);
    await kit.host.app
      .get(DatabaseService)
      .withContext(() =>
        em.transactional(() =>
          kit.host.app
            .get(EventsService)
            .publish(kit.appId('gifts'), 'order.paid', paid.data as any, alice.id),
        ),
      );
    await kit.deliverEvents();

    expect((await wall(bob, bob)).filter((gift: any) => gift.name === '🎂 生日蛋糕')).toHaveLength(1);
    expect((await giftStories(bob)).filter((text) => text.includes('生日蛋糕'))).toHaveLength(1);
    expect(await notifications(bob, 'gift_received')).toHaveLength(2);
    expect(await balance(alice)).toBe(940);
  });

  it('lets the recipient thank the sender once; the sender sees the thanks and is told', async () => {
    const received = await kit.call(bob, 'GET', `${API}/gifts?box=received`);
    expect(received.status).toBe(200);
    const rose = received.body.items.find((gift: any) => gift.name === '🌹 玫瑰');
    expect(rose).toMatchObject({ from: await openid(alice), message: '生日快乐！', catalog: { id: 'rose' } });

    const thanked = await kit.call(bob, 'POST', `${API}/gifts/${rose.id}/thanks`, {
      message: '谢谢你的玫瑰！',
    });
    expect(thanked.status).toBe(201);
    expect(thanked.body.thanks).toMatchObject({ message: '谢谢你的玫瑰！' });
    expectProblem(
      await kit.call(bob, 'POST', `${API}/gifts/${rose.id}/thanks`, { message: '再谢一次' }),
      409,
      'already_thanked',
    );

    const sent = await kit.call(alice, 'GET', `${API}/gifts?box=sent`);
    expect(sent.body.items.find((gift: any) => gift.id === rose.id)).toMatchObject({
      thanks: { message: '谢谢你的玫瑰！' },
      toNickname: expect.any(String),
    });
    expect(await notifications(alice, 'gift_thanked')).toHaveLength(1);
    expect((await wall(bob, alice)).find((gift: any) => gift.id === rose.id).thanks.message).toBe(
      '谢谢你的玫瑰！',
    );
  });

  it('sends gifts only to friends who use the app, and refuses bad requests with a problem', async () => {
    expectProblem(
      await kit.call(alice, 'POST', `${API}/gifts`, { to: await openid(dave), giftId: 'rose' }),
      404,
      'not_an_app_friend',
    );
    expectProblem(
      await kit.call(alice, 'POST', `${API}/gifts`, { to: await openid(carol), giftId: 'rose' }),
      404,
      'not_an_app_friend',
    );
    expectProblem(
      await kit.call(alice, 'POST', `${API}/gifts`, { to: await openid(bob), giftId: 'unicorn' }),
      400,
      'validation_failed',
    );
    expectProblem(await kit.call(alice, 'GET', `${API}/gifts?box=trash`), 400, 'validation_failed');
    expectProblem(
      await kit.call(bob, 'POST', `${API}/gifts/not-a-gift/thanks`, { message: '谢谢' }),
      404,
      'not_found',
    );
  });

  it('sends nothing for an order the buyer never pays', async () => {
    const before = (await wall(bob, bob)).length;
    const started = await kit.call(alice, 'POST', `${API}/gifts`, { to: await openid(bob), giftId: 'yacht' });
    expect(started.body.order).toMatchObject({ status: 'pending', price: 1000 });
    await kit.deliverEvents();
    expect(await wall(bob, bob)).toHaveLength(before);
    expect(await balance(alice)).toBe(940);
  });

  it('stops working for a user who uninstalls it', async () => {
    await kit.uninstallFor(bob, 'gifts');
    expectProblem(await kit.call(bob, 'GET', `${API}/catalog`), 403, 'forbidden');
    const friends = await kit.call(alice, 'GET', `${API}/friends`);
    expect(friends.body.items).toEqual([]);
  });
});
