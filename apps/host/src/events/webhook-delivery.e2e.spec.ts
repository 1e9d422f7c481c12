import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import { TestFactory } from '../testing/factory';
import { TestHost } from '../testing/test-host';
import { EventDispatcher } from './event-dispatcher.service';
import type { AppEvent } from './event-types';
import { EventsService } from './events.service';
import {
  appWithReceiver,
  deliveryOf,
  dispatcher,
  factory,
  kit,
  newReceiver,
  parseSignature,
  postStory,
  publishOn,
  retryUntilSettled,
  setWebhookUrl,
  useWebhooksHost,
  webhookOf,
} from './webhooks.e2e-setup';

describe('events: webhooks (e2e)', () => {
  // The spec's own: the restart test replaces the host it holds.
  let host: TestHost;
  useWebhooksHost({ get: () => host, set: (started) => (host = started) });

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
