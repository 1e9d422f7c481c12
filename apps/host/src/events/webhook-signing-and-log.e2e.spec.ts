import { createHmac } from 'node:crypto';
import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import { type TestApp } from '../testing/factory';
import { TestHost } from '../testing/test-host';
import {
  appWithReceiver,
  deliveryOf,
  dispatcher,
  factory,
  kit,
  newReceiver,
  parseSignature,
  postStory,
  retryUntilSettled,
  settledDeliveryOf,
  setWebhookUrl,
  useWebhooksHost,
  webhookOf,
} from './webhooks.e2e-setup';

describe('events: webhooks (e2e)', () => {
  // The spec's own: the restart test replaces the host it holds.
  let host: TestHost;
  useWebhooksHost({ get: () => host, set: (started) => (host = started) });

  it('sends a signed post.created webhook that verifies with the secret the developer sees', async () => {
    const { app, receiver, user, token } = await appWithReceiver();
    const postId = await postStory(token, 'I harvested 10 carrots!');
    await dispatcher().deliverDue();

    const [story] = receiver.of('post.created');
    expect(story).toBeDefined();
    const webhook = await webhookOf(app);
    expect(webhook).toMatchObject({ url: receiver.url, health: 'healthy', unhealthySince: null });
    expect(webhook.secret).toMatch(/^whsec_/);

    const { t, v1 } = parseSignature(story.signature);
    const expected = createHmac('sha256', webhook.secret).update(`${t}.${story.body}`).digest('hex');
    expect(v1).toBe(expected);
    expect(Math.abs(t - host.clock.now().getTime() / 1000)).toBeLessThan(60);

    expect(story.eventId).toBe(story.event.id);
    expect(story.event).toEqual({
      id: expect.any(String),
      type: 'post.created',
      appId: app.id,
      createdAt: expect.any(String),
      data: {
        postId,
        author: await kit.openid(token),
        text: 'I harvested 10 carrots!',
        linkUrl: null,
        imageUrl: null,
        privacy: 'friends',
      },
    });
    expect(JSON.stringify(story.event)).not.toContain(user.id);
    expect(await deliveryOf(app, story.eventId)).toMatchObject({
      type: 'post.created',
      status: 'delivered',
      attempts: 1,
      lastError: null,
      nextAttemptAt: null,
    });
  });

  describe('the delivery log, redelivery and test events', () => {
    const logOf = async (app: TestApp, query: Record<string, string | number> = {}) => {
      const response = await host.get(`/developer/apps/${app.id}/webhook/deliveries`, {
        token: app.developer.token,
        query,
      });
      expect(response.status).toBe(200);
      return response.body;
    };

    it("keeps each event's attempts, the receiver's last status and a bounded excerpt of its answer", async () => {
      const { app, receiver, token } = await appWithReceiver();
      receiver.respond = (_event, attempt) => (attempt === 1 ? 503 : 200);
      receiver.answerBody = (status) => (status === 503 ? `busy ${'z'.repeat(5000)}` : 'thanks');
      await postStory(token, 'Logged');
      await dispatcher().deliverDue();
      const [first] = (await logOf(app)).items;
      expect(first).toMatchObject({
        type: 'post.created',
        status: 'pending',
        attempts: 1,
        lastStatusCode: 503,
        nextAttemptAt: expect.any(String),
        deliveredAt: null,
      });
      expect(first.lastResponseExcerpt).toMatch(/^busy z+$/);
      expect(first.lastResponseExcerpt).toHaveLength(LIMITS.webhookResponseExcerptMax);
      expect(first.lastError).toContain('503');

      const settled = await retryUntilSettled(app, first.eventId, 3);
      expect(settled).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
      expect((await logOf(app)).items[0]).toMatchObject({
        eventId: first.eventId,
        status: 'delivered',
        lastStatusCode: 200,
        lastResponseExcerpt: 'thanks',
        lastError: null,
        nextAttemptAt: null,
      });
    });

    it('pages newest first with a cursor, and filters by state', async () => {
      const { app, receiver, token } = await appWithReceiver();
      receiver.respond = (event) => (event.data.text === 'Fails' ? 500 : 200);
      for (const text of ['One', 'Fails', 'Three']) await postStory(token, text);
      await dispatcher().deliverDue();

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { eventId: string }[]; nextCursor: string | null } = await logOf(app, {
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.eventId));
        cursor = page.nextCursor;
      } while (cursor);
      const all = (await logOf(app)).items.map((item: { eventId: string }) => item.eventId);
      expect(seen).toEqual(all);
      // The user's install (when the token was granted) and the three stories.
      expect(all).toHaveLength(4);
      const pending = await logOf(app, { status: 'pending' });
      expect(pending.items).toHaveLength(1);
      expect(pending.items[0]).toMatchObject({ status: 'pending', lastStatusCode: 500 });
      expect((await logOf(app, { status: 'delivered' })).items).toHaveLength(3);
    });

    it('redelivers a settled event with the same id, and refuses one still on its way', async () => {
      const { app, receiver, token } = await appWithReceiver();
      await postStory(token, 'Again, please');
      await dispatcher().deliverDue();
      const [delivered] = receiver.of('post.created');
      const redeliver = (eventId: string, as = app.developer.token) =>
        host.post(`/developer/apps/${app.id}/webhook/deliveries/${eventId}/redeliver`, { token: as });

      // Held, the redelivery stays pending even if the host's dispatcher takes it at once.
      const release = receiver.hold();
      const again = await redeliver(delivered.eventId);
      expect(again.status).toBe(202);
      expect(again.body).toMatchObject({
        eventId: delivered.eventId,
        status: 'pending',
        attempts: 0,
        deliveredAt: null,
        lastStatusCode: null,
      });
      expectProblem(await redeliver(delivered.eventId), 409, 'delivery_pending');
      release();
      await dispatcher().deliverDue();
      const copies = await receiver.waitFor('post.created', 2);
      expect(copies.map((entry) => entry.eventId)).toEqual([delivered.eventId, delivered.eventId]);
      expect(copies[1].body).toBe(delivered.body);
      expect(await settledDeliveryOf(app, delivered.eventId)).toMatchObject({
        status: 'delivered',
        attempts: 1,
      });
      expect([...receiver.applied.keys()].filter((id) => id === delivered.eventId)).toHaveLength(1);

      expectProblem(await redeliver('01890000-0000-7000-8000-000000000000'), 404, 'not_found');
      expectProblem(await redeliver('not-an-id'), 404, 'not_found');
      const other = await kit.approvedApp();
      // Another app's event is not found under this app, nor this app's event under another's developer.
      expectProblem(
        await host.post(`/developer/apps/${other.id}/webhook/deliveries/${delivered.eventId}/redeliver`, {
          token: other.developer.token,
        }),
        404,
        'not_found',
      );
      expectProblem(await redeliver(delivered.eventId, other.developer.token), 404, 'not_found');
      expect(receiver.of('post.created')).toHaveLength(2);
    });

    it('sends a signed webhook.test whatever the manifest lists, one at a time', async () => {
      const app = await kit.approvedApp({ events: [] });
      const receiver = await newReceiver();
      await setWebhookUrl(host, app, receiver.url);
      const sendTest = () =>
        host.post(`/developer/apps/${app.id}/webhook/test`, { token: app.developer.token });

      const release = receiver.hold();
      const sent = await sendTest();
      expect(sent.status).toBe(202);
      expect(sent.body).toMatchObject({ type: 'webhook.test', status: 'pending', attempts: 0 });
      expectProblem(await sendTest(), 409, 'delivery_pending');
      release();
      await dispatcher().deliverDue();

      const [test] = await receiver.waitFor('webhook.test', 1);
      expect(test.eventId).toBe(sent.body.eventId);
      expect(test.event).toEqual({
        id: sent.body.eventId,
        type: 'webhook.test',
        appId: app.id,
        createdAt: expect.any(String),
        data: { message: expect.any(String) },
      });
      const { secret } = await webhookOf(app);
      const { t, v1 } = parseSignature(test.signature);
      expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${test.body}`).digest('hex'));
      expect(await settledDeliveryOf(app, test.eventId)).toMatchObject({
        status: 'delivered',
        lastStatusCode: 200,
      });
      expect((await sendTest()).status).toBe(202);

      const silent = await factory.newApp();
      expectProblem(
        await host.post(`/developer/apps/${silent.id}/webhook/test`, { token: silent.developer.token }),
        409,
        'webhook_missing',
      );
      expect(await host.sql('select 1 from app_event where app_id = ?', [silent.id])).toEqual([]);
    });

    it('shows and acts on the developer’s own apps only; others get 404, non-developers 403', async () => {
      const { app } = await appWithReceiver();
      const stranger = await factory.newApp();
      const plain = await factory.newUser('plain');
      // Event ids only: the dispatcher may deliver the app's events meanwhile; a refused test event adds none.
      const events = () => host.sql('select id from app_event where app_id = ? order by id', [app.id]);
      const before = await events();
      const eventId = '01890000-0000-7000-8000-000000000000';
      const calls = [
        ['GET', `/developer/apps/${app.id}/webhook/deliveries`],
        ['POST', `/developer/apps/${app.id}/webhook/deliveries/${eventId}/redeliver`],
        ['POST', `/developer/apps/${app.id}/webhook/test`],
      ] as const;
      for (const [method, url] of calls) {
        expectProblem(await host.call(method, url, { token: stranger.developer.token }), 404, 'not_found');
        expectProblem(await host.call(method, url, { token: plain.token }), 403, 'forbidden');
        expectProblem(await host.call(method, url), 401, 'unauthenticated');
      }
      for (const query of [
        { limit: 0 },
        { limit: 101 },
        { limit: 'many' },
        { status: 'lost' },
        { extra: 1 },
      ]) {
        expectProblem(
          await host.get(`/developer/apps/${app.id}/webhook/deliveries`, {
            token: app.developer.token,
            query,
          }),
          400,
          'validation_failed',
        );
      }
      expectProblem(
        await host.get(`/developer/apps/${app.id}/webhook/deliveries`, {
          token: app.developer.token,
          query: { cursor: 'junk' },
        }),
        400,
        'invalid_cursor',
      );
      expect(await events()).toEqual(before);
    });
  });

  it('signs with a rotated secret from then on, and only the owner sees or rotates it', async () => {
    const { app, receiver, token } = await appWithReceiver();
    const before = (await webhookOf(app)).secret as string;
    const rotated = await host.post(`/developer/apps/${app.id}/webhook/secret`, {
      token: app.developer.token,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(before);
    expect((await webhookOf(app)).secret).toBe(rotated.body.secret);

    await postStory(token, 'After the rotation');
    await dispatcher().deliverDue();
    const [story] = receiver.of('post.created');
    const { t, v1 } = parseSignature(story.signature);
    expect(v1).toBe(createHmac('sha256', rotated.body.secret).update(`${t}.${story.body}`).digest('hex'));

    const other = await factory.newApp();
    expectProblem(
      await host.get(`/developer/apps/${app.id}/webhook`, { token: other.developer.token }),
      404,
      'not_found',
    );
    expectProblem(
      await host.post(`/developer/apps/${app.id}/webhook/secret`, { token: other.developer.token }),
      404,
      'not_found',
    );
  });
});
