import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { EntityManager } from '@mikro-orm/core';
import { LIMITS } from '../common/limits';
import { DatabaseService } from '../database/database.module';
import { OpenApiKit } from '../open-api/open-api.testing';
import { expectProblem } from '../testing/expect-problem';
import { TestFactory, type TestApp, type TestUser } from '../testing/factory';
import { TestHost } from '../testing/test-host';
import { EventDispatcher } from './event-dispatcher.service';
import type { AppEvent, DeliveredEventType, EventType } from './event-types';
import { EventsService } from './events.service';

interface Received {
  eventId: string;
  type: string;
  signature: string;
  body: string;
  event: AppEvent;
}

/**
 * A webhook receiver on 127.0.0.1, as an app's backend would run one: it records every request,
 * applies each event at most once (dedupe by event id), and answers what `respond` says.
 */
class Receiver {
  readonly received: Received[] = [];
  /** Events the receiver acted on, once each however often they arrive. */
  readonly applied = new Map<string, AppEvent>();
  respond: (event: AppEvent, attempt: number) => number = () => 200;
  /** The body of each answer; by default a word for its status. */
  answerBody: (status: number) => string = (status) => (status < 300 ? 'ok' : 'not now');

  url = '';
  private held: Promise<void> | undefined;
  private readonly server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', async () => {
      await this.held;
      const event = JSON.parse(body) as AppEvent;
      const entry: Received = {
        eventId: String(request.headers['kongjian-event-id']),
        type: String(request.headers['kongjian-event-type']),
        signature: String(request.headers['kongjian-signature']),
        body,
        event,
      };
      this.received.push(entry);
      const attempt = this.received.filter((other) => other.eventId === entry.eventId).length;
      const status = this.respond(event, attempt);
      if (status >= 200 && status < 300 && !this.applied.has(entry.eventId))
        this.applied.set(entry.eventId, event);
      response.writeHead(status, { 'content-type': 'text/plain' }).end(this.answerBody(status));
    });
  });

  static async start(): Promise<Receiver> {
    const receiver = new Receiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.server.address() as AddressInfo;
    receiver.url = `http://127.0.0.1:${port}/kongjian/webhooks`;
    return receiver;
  }

  /**
   * Keeps the receiver from answering until the returned function is called, so that a delivery the
   * host's own dispatcher starts meanwhile stays in flight.
   */
  hold(): () => void {
    let release!: () => void;
    this.held = new Promise((resolve) => (release = resolve));
    return () => {
      this.held = undefined;
      release();
    };
  }

  /** Waits until `count` deliveries of `type` arrived (from a test's dispatcher or the host's own). */
  async waitFor(type: DeliveredEventType, count: number): Promise<Received[]> {
    while (this.of(type).length < count) await new Promise((resolve) => setTimeout(resolve, 20));
    return this.of(type);
  }

  of(type: DeliveredEventType): Received[] {
    return this.received.filter((entry) => entry.type === type);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** `t` and `v1` of a Kongjian-Signature header. */
function parseSignature(header: string): { t: number; v1: string } {
  const fields = new Map(header.split(',').map((part) => part.split('=') as [string, string]));
  return { t: Number(fields.get('t')), v1: fields.get('v1')! };
}

describe('events: webhooks (e2e)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kongjian-webhooks-'));
  let host: TestHost;
  let factory: TestFactory;
  let kit: OpenApiKit;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    // On disk, so the last test can restart the host on the same PGlite data (PostgreSQL keeps its own).
    host = await TestHost.start({ dataDir });
    factory = new TestFactory(host);
    kit = new OpenApiKit(host, factory);
  });
  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()));
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const dispatcher = () => host.app.get(EventDispatcher);

  /** Publishes as a module would, in a transaction of its own: the event's id, null if the app does not list the type. */
  const publishOn = (
    on: TestHost,
    appId: string,
    type: EventType,
    data: Record<string, unknown>,
    userId?: string,
  ): Promise<string | null> =>
    on.app
      .get(DatabaseService)
      .withContext(() =>
        on.app
          .get(EntityManager)
          .transactional(() => on.app.get(EventsService).publish(appId, type, data, userId)),
      );

  async function newReceiver(): Promise<Receiver> {
    const receiver = await Receiver.start();
    receivers.push(receiver);
    return receiver;
  }

  /** Points the app's webhook at `url` directly in the registry (the app center's manifest flow is tested there). */
  async function setWebhookUrl(on: TestHost, app: { id: string }, url: string | null): Promise<void> {
    await on.sql('update app set webhook_url = ? where id = ?', [url, app.id]);
  }

  /** An approved app whose webhook goes to a fresh receiver, and a user who authorized it. */
  async function appWithReceiver(): Promise<{
    app: TestApp;
    receiver: Receiver;
    user: TestUser;
    token: string;
  }> {
    const app = await kit.approvedApp();
    const receiver = await newReceiver();
    await setWebhookUrl(host, app, receiver.url);
    const user = await factory.newUser('player');
    const token = await kit.token(user, app);
    return { app, receiver, user, token };
  }

  async function postStory(token: string, text: string): Promise<string> {
    const created = await host.post('/open/v1/feed/stories', { token, body: { text } });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  const webhookOf = async (app: TestApp, on = host) => {
    const response = await on.get(`/developer/apps/${app.id}/webhook`, { token: app.developer.token });
    expect(response.status).toBe(200);
    return response.body;
  };

  const deliveryOf = async (app: TestApp, eventId: string, on = host) =>
    (await webhookOf(app, on)).deliveries.find(
      (delivery: { eventId: string }) => delivery.eventId === eventId,
    );

  /** The delivery once it is no longer pending: the host records the answer just after the receiver gave it. */
  const settledDeliveryOf = async (app: TestApp, eventId: string) => {
    for (;;) {
      const delivery = await deliveryOf(app, eventId);
      if (delivery?.status !== 'pending') return delivery;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  /**
   * Retries the event until it is no longer pending (or `maxRounds` attempts), moving the clock to each
   * next attempt. Returns the delivery as the developer sees it.
   */
  async function retryUntilSettled(app: TestApp, eventId: string, maxRounds: number, on = host) {
    for (let round = 0; round < maxRounds; round++) {
      await on.app.get(EventDispatcher).deliverDue();
      const delivery = await deliveryOf(app, eventId, on);
      if (delivery.status !== 'pending') return delivery;
      on.clock.advance(Math.max(0, Date.parse(delivery.nextAttemptAt) - on.clock.now().getTime()) + 1);
    }
    return deliveryOf(app, eventId, on);
  }

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

  it('retries a failing receiver with growing backoff, sending the same event id until it is applied once', async () => {
    const { app, receiver, token } = await appWithReceiver();
    receiver.respond = (event, attempt) => (event.type === 'post.created' && attempt <= 3 ? 503 : 200);
    await postStory(token, 'Third time lucky');
    await dispatcher().deliverDue();
    const [first] = receiver.of('post.created');

    const delivery = await retryUntilSettled(app, first.eventId, 10);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 4, lastError: null });

    const attempts = receiver.of('post.created');
    expect(attempts.map((entry) => entry.eventId)).toEqual(Array(4).fill(first.eventId));
    expect(new Set(attempts.map((entry) => entry.body)).size).toBe(1);
    expect([...receiver.applied.keys()].filter((id) => id === first.eventId)).toHaveLength(1);

    const times = attempts.map((entry) => parseSignature(entry.signature).t);
    const gaps = times.slice(1).map((time, i) => time - times[i]);
    console.log(`webhook retry gaps (s): ${gaps.join(', ')}`);
    gaps.forEach((gap, i) =>
      expect(gap).toBeGreaterThanOrEqual((LIMITS.webhookRetryFirstMs / 1000) * 2 ** i),
    );
    expect(gaps[1]).toBeGreaterThan(gaps[0]);
    expect(gaps[2]).toBeGreaterThan(gaps[1]);
  });

  it('gives up after a day of failures and marks the app unhealthy until a delivery succeeds', async () => {
    const { app, receiver, user, token } = await appWithReceiver();
    let up = false;
    receiver.respond = (event) => (event.type !== 'post.created' || up ? 200 : 500);
    await postStory(token, 'Nobody listens');
    await dispatcher().deliverDue();
    const [first] = receiver.of('post.created');

    const failed = await retryUntilSettled(app, first.eventId, 100);
    expect(failed).toMatchObject({ status: 'failed', nextAttemptAt: null });
    expect(failed.lastError).toContain('500');
    const lastedMs = Date.parse(failed.lastAttemptAt) - Date.parse(failed.createdAt);
    expect(lastedMs).toBeGreaterThanOrEqual(LIMITS.webhookRetryWindowMs);
    console.log(
      `a failing webhook was tried ${failed.attempts} times over ${(lastedMs / 3_600_000).toFixed(1)} h`,
    );
    expect(receiver.of('post.created')).toHaveLength(failed.attempts);

    const sick = await webhookOf(app);
    expect(sick.health).toBe('unhealthy');
    expect(sick.unhealthySince).toEqual(expect.any(String));
    const admin = await factory.admin();
    const listed = await host.get('/admin/webhooks/unhealthy', { token: admin.token });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({
        appId: app.id,
        webhookUrl: receiver.url,
        recentFailures: 1,
        lastError: failed.lastError,
      }),
    );
    expectProblem(
      await host.get('/admin/webhooks/unhealthy', { token: app.developer.token }),
      403,
      'forbidden',
    );

    up = true;
    // A day later the first access token has expired.
    await postStory(await kit.token(user, app), 'Back online');
    await dispatcher().deliverDue();
    expect((await webhookOf(app)).health).toBe('healthy');
    const after = await host.get('/admin/webhooks/unhealthy', { token: admin.token });
    expect(after.body.items.map((item: { appId: string }) => item.appId)).not.toContain(app.id);
  });

  it('publishes friend.added to exactly the apps both new friends use, naming them by openids', async () => {
    const [shared, onlyMine, revoked] = [
      await kit.approvedApp(),
      await kit.approvedApp(),
      await kit.approvedApp(),
    ];
    const me = await factory.newUser('me');
    const friend = await factory.newUser('friend');
    const myToken = await kit.token(me, shared);
    const friendToken = await kit.token(friend, shared);
    await kit.token(me, onlyMine);
    await kit.token(me, revoked);
    await kit.token(friend, revoked);
    expect((await host.delete(`/me/authorized-apps/${revoked.id}`, { token: friend.token })).status).toBe(
      204,
    );

    const friendAdded = (appId: string) =>
      host.sql<{ user_id: string; data: Record<string, string> }>(
        "select user_id, data from app_event where app_id = ? and type = 'friend.added'",
        [appId],
      );
    await factory.befriend(me, friend);
    // befriend: `me` asks, `friend` accepts.
    expect(await friendAdded(shared.id)).toEqual([
      {
        user_id: friend.id,
        data: { user: await kit.openid(friendToken), friend: await kit.openid(myToken) },
      },
    ]);
    expect(await friendAdded(onlyMine.id)).toEqual([]);
    expect(await friendAdded(revoked.id)).toEqual([]);
  });

  it('delivers only the event types the manifest lists, recording nothing for the others', async () => {
    const app = await kit.approvedApp({ events: ['app.installed'] });
    const receiver = await newReceiver();
    await setWebhookUrl(host, app, receiver.url);
    const user = await factory.newUser('choosy');
    const token = await kit.token(user, app);
    await postStory(token, 'Nobody asked for this one');
    expect(await publishOn(host, app.id, 'app.reminder', {}, user.id)).toBeNull();
    const fan = await factory.newUser('fan');
    expect(
      (await host.post(`/app-center/apps/${app.id}/install`, { token: fan.token, body: {} })).status,
    ).toBe(200);
    await dispatcher().deliverDue();
    // Both installs (choosy's through the consent page, fan's from the app center), nothing else.
    expect(receiver.received.map((entry) => entry.type)).toEqual(['app.installed', 'app.installed']);
    expect(await host.sql('select type from app_event where app_id = ?', [app.id])).toEqual([
      { type: 'app.installed' },
      { type: 'app.installed' },
    ]);
  });

  it('makes a post.created event only when the story is published, in the same transaction', async () => {
    const { app, token } = await appWithReceiver();
    const admin = await factory.admin();
    for (const [phrase, action] of [
      ['contraband-seed', 'block'],
      ['dubious-seed', 'hold'],
    ]) {
      expect(
        (await host.post('/admin/moderation/rules', { token: admin.token, body: { phrase, action } })).status,
      ).toBe(201);
    }
    const events = async () =>
      (
        await host.sql<{ n: number }>(
          "select count(*)::int as n from app_event where app_id = ? and type = 'post.created'",
          [app.id],
        )
      )[0].n;
    const posts = async () =>
      (await host.sql<{ n: number }>('select count(*)::int as n from post where app_id = ?', [app.id]))[0].n;

    expectProblem(
      await host.post('/open/v1/feed/stories', { token, body: { text: 'buy contraband-seed' } }),
      422,
      'content_blocked',
    );
    const held = await host.post('/open/v1/feed/stories', { token, body: { text: 'some dubious-seed' } });
    expect(held.body.state).toBe('held');
    expect({ posts: await posts(), events: await events() }).toEqual({ posts: 1, events: 0 });

    await postStory(token, 'a fine carrot');
    expect({ posts: await posts(), events: await events() }).toEqual({ posts: 2, events: 1 });
  });

  it('hands events of in-process apps to their receiver with the same retries, and gives up on apps that cannot receive', async () => {
    const plugin = await factory.newApp();
    const silent = await factory.newApp();
    const user = await factory.newUser('plugin-user');
    const calls: { event: AppEvent; userId: string | null }[] = [];
    host.app.get(EventsService).registerInProcessReceiver(plugin.id, (event, userId) => {
      calls.push({ event, userId });
      return calls.length === 1 ? Promise.reject(new Error('plugin worker restarting')) : Promise.resolve();
    });
    const publish = async (appId: string) =>
      (await publishOn(host, appId, 'app.reminder', { note: 'water' }, user.id))!;
    const pluginEvent = await publish(plugin.id);
    const silentEvent = await publish(silent.id);

    await dispatcher().deliverDue();
    expect(await deliveryOf(plugin, pluginEvent)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'plugin worker restarting',
    });
    expect(await deliveryOf(silent, silentEvent)).toMatchObject({
      status: 'undeliverable',
      nextAttemptAt: null,
    });

    expect(await retryUntilSettled(plugin, pluginEvent, 3)).toMatchObject({
      status: 'delivered',
      attempts: 2,
    });
    expect(calls.map((call) => [call.event.id, call.event.type, call.userId])).toEqual([
      [pluginEvent, 'app.reminder', user.id],
      [pluginEvent, 'app.reminder', user.id],
    ]);
    expect(calls[1].event).toEqual({
      id: pluginEvent,
      type: 'app.reminder',
      appId: plugin.id,
      createdAt: expect.any(String),
      data: { note: 'water' },
    });
  });

  it('refuses to send to a private address outside development mode, checking at send time', async () => {
    const strict = await TestHost.start({ devMode: false });
    try {
      const strictFactory = new TestFactory(strict);
      const app = await strictFactory.newApp();
      const receiver = await newReceiver();
      const publish = async () => (await publishOn(strict, app.id, 'app.reminder', {}))!;

      // Registered while it resolved publicly (or by a migration); by send time it points inside.
      for (const url of [receiver.url, receiver.url.replace('127.0.0.1', 'localhost')]) {
        await setWebhookUrl(strict, app, url);
        const eventId = await publish();
        await strict.app.get(EventDispatcher).deliverDue();
        const delivery = await deliveryOf(app, eventId, strict);
        expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });
        expect(delivery.lastError).toMatch(/^Refused: webhookUrl resolves to (127\.0\.0\.1|::1)/);
      }
      expect(receiver.received).toEqual([]);
    } finally {
      await strict.close();
    }
  });

  // Last: it replaces the host.
  it('delivers an event whose retry was pending when the host restarted', async () => {
    const { app, receiver, token } = await appWithReceiver();
    receiver.respond = (event, attempt) => (event.type === 'post.created' && attempt === 1 ? 502 : 200);
    await postStory(token, 'Before the restart');
    await dispatcher().deliverDue();
    const [first] = receiver.of('post.created');
    expect((await deliveryOf(app, first.eventId)).status).toBe('pending');

    host = await host.restart();
    const delivery = await retryUntilSettled(app, first.eventId, 5);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(receiver.of('post.created').map((entry) => entry.eventId)).toEqual([first.eventId, first.eventId]);
    expect([...receiver.applied.keys()].filter((id) => id === first.eventId)).toHaveLength(1);
  });
});
