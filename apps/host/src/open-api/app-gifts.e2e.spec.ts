import { randomUUID } from 'node:crypto';
import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import type { TestApp, TestUser } from '../testing/factory';
import { ALL_SCOPES, UNLIMITED_RATES } from './open-api.testing';
import { factory, host, kit, useOpenApiHost } from './open-api.e2e-setup';

const SCOPES = [...ALL_SCOPES, 'gifts:send', 'notifications:send'];

describe('Open API: gifts and the gift wall (e2e)', () => {
  useOpenApiHost({ openApiRateLimits: UNLIMITED_RATES });

  let app: TestApp;

  /** Two friends who both use the app: tokens and openids. */
  const pair = () => kit.friendsUsingApp(app);

  const send = (token: string, body: object) => host.post('/open/v1/gifts', { token, body });
  const wall = (owner: TestUser, viewer?: TestUser, query: Record<string, string | number> = {}) =>
    host.get(`/spaces/${owner.id}/gifts`, { token: viewer?.token, query });
  const giftRows = () => host.sql('select id, sender_id, recipient_id, thanks from space_gift order by id');

  beforeAll(async () => {
    app = await kit.approvedApp({ scopes: SCOPES, name: 'Gift Shop' });
  });

  it("puts a gift on the recipient's wall, tells them, and tells the app in the outbox", async () => {
    const { sender, recipient, senderToken, senderOpenid, recipientOpenid } = await pair();
    const sent = await send(senderToken, {
      to: recipientOpenid,
      name: 'Rose',
      imageUrl: 'https://gifts.example/rose.png',
      message: 'Happy birthday!',
      price: 10,
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({
      id: expect.any(String),
      from: senderOpenid,
      to: recipientOpenid,
      name: 'Rose',
      imageUrl: 'https://gifts.example/rose.png',
      message: 'Happy birthday!',
      price: 10,
      orderId: null,
      thanks: null,
      createdAt: expect.any(String),
    });

    const shown = await wall(recipient, sender);
    expect(shown.status).toBe(200);
    expect(shown.body.items).toEqual([
      {
        id: sent.body.id,
        sender: expect.objectContaining({ id: sender.id, username: sender.username }),
        app: { id: app.id, name: 'Gift Shop', iconUrl: null },
        name: 'Rose',
        imageUrl: 'https://gifts.example/rose.png',
        message: 'Happy birthday!',
        thanks: null,
        createdAt: sent.body.createdAt,
      },
    ]);

    const told = await host.get('/notifications', { token: recipient.token });
    expect(told.body.items[0]).toMatchObject({
      kind: 'gift_received',
      actor: { id: sender.id },
      subjectId: sent.body.id,
      app: { id: app.id, name: 'Gift Shop', iconUrl: null },
      text: 'Rose',
    });

    const events = await host.sql<{ type: string; user_id: string; data: unknown }>(
      "select type, user_id, data from app_event where app_id = ? and type = 'gift.received'",
      [app.id],
    );
    expect(events).toContainEqual({
      type: 'gift.received',
      user_id: recipient.id,
      data: {
        giftId: sent.body.id,
        from: senderOpenid,
        to: recipientOpenid,
        name: 'Rose',
        message: 'Happy birthday!',
      },
    });
  });

  it('lets the recipient thank once, tells the sender, and shows the thanks on the wall', async () => {
    const { sender, recipient, senderToken, recipientToken, recipientOpenid } = await pair();
    const gift = (await send(senderToken, { to: recipientOpenid, name: 'Cake' })).body;

    expectProblem(
      await host.post(`/open/v1/gifts/${gift.id}/thanks`, { token: senderToken, body: { message: 'me?' } }),
      404,
      'not_found',
    );
    const thanked = await host.post(`/open/v1/gifts/${gift.id}/thanks`, {
      token: recipientToken,
      body: { message: 'Thank you!' },
    });
    expect(thanked.status).toBe(201);
    expect(thanked.body.thanks).toEqual({ message: 'Thank you!', createdAt: expect.any(String) });
    expectProblem(
      await host.post(`/open/v1/gifts/${gift.id}/thanks`, {
        token: recipientToken,
        body: { message: 'again' },
      }),
      409,
      'already_thanked',
    );

    const told = await host.get('/notifications', { token: sender.token });
    expect(told.body.items[0]).toMatchObject({
      kind: 'gift_thanked',
      actor: { id: recipient.id },
      subjectId: gift.id,
      app: { id: app.id },
      text: 'Thank you!',
    });
    expect((await wall(recipient, recipient)).body.items[0].thanks).toEqual(thanked.body.thanks);
  });

  it('thanks once when two thanks race', async () => {
    const { senderToken, recipientToken, recipientOpenid } = await pair();
    const gift = (await send(senderToken, { to: recipientOpenid, name: 'Star' })).body;
    const answers = await Promise.all(
      ['one', 'two'].map((message) =>
        host.post(`/open/v1/gifts/${gift.id}/thanks`, { token: recipientToken, body: { message } }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
  });

  it("lists the app's gifts received and sent by the user, newest first, a page at a time", async () => {
    const { senderToken, recipientToken, recipientOpenid, senderOpenid } = await pair();
    for (const name of ['a', 'b', 'c']) {
      host.clock.advance(1000);
      expect((await send(senderToken, { to: recipientOpenid, name })).status).toBe(201);
    }
    const sent = await host.get('/open/v1/gifts', { token: senderToken, query: { box: 'sent', limit: 2 } });
    expect(sent.body.items.map((gift: { name: string }) => gift.name)).toEqual(['c', 'b']);
    const rest = await host.get('/open/v1/gifts', {
      token: senderToken,
      query: { box: 'sent', limit: 2, cursor: sent.body.nextCursor },
    });
    expect(rest.body).toEqual({ items: [expect.objectContaining({ name: 'a' })], nextCursor: null });
    const received = await host.get('/open/v1/gifts', { token: recipientToken });
    expect(received.body.items.map((gift: { from: string; name: string }) => [gift.from, gift.name])).toEqual(
      [
        [senderOpenid, 'c'],
        [senderOpenid, 'b'],
        [senderOpenid, 'a'],
      ],
    );
    expect((await host.get('/open/v1/gifts', { token: senderToken })).body.items).toEqual([]);

    // Another app sees none of them.
    const other = await kit.approvedApp({ scopes: SCOPES });
    const otherToken = await kit.token((await pair()).recipient, other);
    expect((await host.get('/open/v1/gifts', { token: otherToken })).body.items).toEqual([]);
  });

  it('sends only to app friends: not to strangers, not to friends without the app, not after a block', async () => {
    const { sender, recipient, senderToken, recipientOpenid } = await pair();
    const stranger = await factory.newUser('stranger');
    const strangerOpenid = await kit.openid(await kit.token(stranger, app));
    const before = await giftRows();
    expectProblem(await send(senderToken, { to: strangerOpenid, name: 'x' }), 403, 'not_friends');
    expectProblem(await send(senderToken, { to: 'never-given-openid', name: 'x' }), 404, 'not_found');

    const otherApp = await kit.approvedApp({ scopes: SCOPES });
    const otherOpenid = await kit.openid(await kit.token(recipient, otherApp));
    expectProblem(await send(senderToken, { to: otherOpenid, name: 'x' }), 404, 'not_found');

    await factory.block(recipient, sender);
    expectProblem(await send(senderToken, { to: recipientOpenid, name: 'x' }), 403, 'not_friends');
    expect(await giftRows()).toEqual(before);
  });

  it('needs the gifts:send scope', async () => {
    const { sender, recipientOpenid } = await pair();
    const narrow = await kit.token(sender, app, ['profile:read']);
    const refused = await send(narrow, { to: recipientOpenid, name: 'x' });
    expectProblem(refused, 403, 'insufficient_scope');
    expect(refused.headers['www-authenticate']).toContain('scope="gifts:send"');
    expectProblem(await host.get('/open/v1/gifts', { token: narrow }), 403, 'insufficient_scope');
  });

  it('refuses blocked and held words in the message, sending nothing', async () => {
    const admin = await factory.admin();
    for (const [phrase, action] of [
      ['gift-forbidden', 'block'],
      ['gift-suspicious', 'hold'],
    ]) {
      const rule = await host.post('/admin/moderation/rules', {
        token: admin.token,
        body: { phrase, action },
      });
      expect(rule.status).toBe(201);
    }
    const { senderToken, recipientOpenid } = await pair();
    const before = await giftRows();
    for (const message of ['buy gift-forbidden', 'a gift-suspicious offer']) {
      expectProblem(
        await send(senderToken, { to: recipientOpenid, name: 'x', message }),
        422,
        'content_blocked',
      );
    }
    expectProblem(
      await send(senderToken, { to: recipientOpenid, name: 'gift-forbidden' }),
      422,
      'content_blocked',
    );
    expect(await giftRows()).toEqual(before);
  });

  it('records one gift per order, however often it is sent', async () => {
    const { senderToken, recipientOpenid } = await pair();
    const body = { to: recipientOpenid, name: 'Ring', price: 99, orderId: 'order-42' };
    const first = await send(senderToken, body);
    const again = await send(senderToken, body);
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expectProblem(await send(senderToken, { ...body, name: 'Other' }), 409, 'idempotency_conflict');
    expect(await host.sql("select id from space_gift where order_id = 'order-42'")).toHaveLength(1);
  });

  it('keeps the daily quota per sender and app, also under concurrent requests', async () => {
    const { sender, senderToken, recipientOpenid } = await pair();
    for (let i = 0; i < LIMITS.giftsPerSenderPerAppPerDay - 2; i++) {
      expect((await send(senderToken, { to: recipientOpenid, name: `g${i}` })).status).toBe(201);
    }
    const racing = await Promise.all(
      Array.from({ length: 5 }, (_, i) => send(senderToken, { to: recipientOpenid, name: `race${i}` })),
    );
    expect(racing.map((answer) => answer.status).sort()).toEqual([201, 201, 429, 429, 429]);
    const refused = racing.find((answer) => answer.status === 429)!;
    expectProblem(refused, 429, 'quota_exceeded');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    host.clock.advance(24 * 60 * 60 * 1000);
    const tomorrowToken = await kit.token(sender, app);
    expect((await send(tomorrowToken, { to: recipientOpenid, name: 'tomorrow' })).status).toBe(201);
  });

  describe('the gift wall', () => {
    it('is seen by the owner and their friends, not by strangers, anonymous visitors or blocked users', async () => {
      const { sender, recipient, senderToken, recipientOpenid } = await pair();
      await send(senderToken, { to: recipientOpenid, name: 'Bear' });
      const friend = await factory.newUser('friend');
      await factory.befriend(recipient, friend);
      const stranger = await factory.newUser('stranger');

      for (const viewer of [recipient, sender, friend]) {
        expect((await wall(recipient, viewer)).body.items.map((gift: { name: string }) => gift.name)).toEqual(
          ['Bear'],
        );
      }
      expectProblem(await wall(recipient, stranger), 403, 'forbidden');
      expectProblem(await wall(recipient), 403, 'forbidden');
      await factory.block(recipient, friend);
      expectProblem(await wall(recipient, friend), 403, 'forbidden');
      expectProblem(
        await host.get(`/spaces/${randomUUID()}/gifts`, { token: sender.token }),
        404,
        'not_found',
      );
    });

    it('pages newest first, and lets the owner hide a gift', async () => {
      const { recipient, senderToken, recipientOpenid } = await pair();
      const ids: string[] = [];
      for (const name of ['first', 'second', 'third']) {
        host.clock.advance(1000);
        ids.push((await send(senderToken, { to: recipientOpenid, name })).body.id);
      }
      const first = await wall(recipient, recipient, { limit: 2 });
      expect(first.body.items.map((gift: { name: string }) => gift.name)).toEqual(['third', 'second']);
      const second = await wall(recipient, recipient, { limit: 2, cursor: first.body.nextCursor });
      expect(second.body).toEqual({ items: [expect.objectContaining({ name: 'first' })], nextCursor: null });

      const other = await factory.newUser('other');
      expectProblem(await host.delete(`/me/gifts/${ids[1]}`, { token: other.token }), 404, 'not_found');
      expect((await host.delete(`/me/gifts/${ids[1]}`, { token: recipient.token })).status).toBe(204);
      expect(
        (await wall(recipient, recipient)).body.items.map((gift: { name: string }) => gift.name),
      ).toEqual(['third', 'first']);
      expectProblem(await host.delete(`/me/gifts/${ids[1]}`, { token: recipient.token }), 404, 'not_found');
    });
  });

  it.each([
    ['no recipient', { to: undefined, name: 'x' }],
    ['no name', {}],
    ['a blank name', { name: '   ' }],
    ['a long name', { name: 'x'.repeat(LIMITS.giftNameMax + 1) }],
    ['a long message', { name: 'x', message: 'm'.repeat(LIMITS.giftMessageMax + 1) }],
    ['an http image', { name: 'x', imageUrl: 'http://gifts.example/a.png' }],
    ['a negative price', { name: 'x', price: -1 }],
    ['a fractional price', { name: 'x', price: 1.5 }],
    ['an unknown field', { name: 'x', coins: 5 }],
  ])('refuses a gift with %s, sending nothing', async (_case, body) => {
    const { senderToken, recipientOpenid } = await pair();
    const before = await giftRows();
    expectProblem(await send(senderToken, { to: recipientOpenid, ...body }), 400, 'validation_failed');
    expect(await giftRows()).toEqual(before);
  });
});
