import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import {
  constructWebhookEvent,
  createOpenApiClient,
  isWebhookEventOfType,
  KongjianOAuth,
  parseWebhookEvent,
  unwrap,
  verifyWebhookSignature,
  WebhookSignatureError,
} from '@kongjian/sdk';
import { FormBrowser, HostApi, HostProcess, signInAndConsent } from '@kongjian/testing';

const SECRET = 'whsec_test_0123456789';
const T = 1_763_712_000;
const BODY = JSON.stringify({
  id: '019a9b3c-0000-7000-8000-000000000001',
  type: 'friend.added',
  appId: '019a9b3c-0000-7000-8000-0000000000aa',
  createdAt: '2025-11-21T08:00:00.000Z',
  data: { user: 'o_alice', friend: 'o_bob', note: '好友 ✓' },
});
/** The vector, computed independently with node:crypto as the host computes it. */
const V1 = createHmac('sha256', SECRET).update(`${T}.${BODY}`).digest('hex');
const HEADER = `t=${T},v1=${V1}`;
const AT_T = new Date(T * 1000);

describe('verifyWebhookSignature against a known vector', () => {
  test('accepts the signed body, as a string or as bytes', async () => {
    assert.equal(
      await verifyWebhookSignature({ secret: SECRET, body: BODY, signatureHeader: HEADER, now: AT_T }),
      true,
    );
    const bytes = new TextEncoder().encode(BODY);
    assert.equal(
      await verifyWebhookSignature({ secret: SECRET, body: bytes, signatureHeader: HEADER, now: AT_T }),
      true,
    );
    const event = await constructWebhookEvent({
      secret: SECRET,
      body: BODY,
      signatureHeader: HEADER,
      now: AT_T,
    });
    assert.deepEqual(event.data, { user: 'o_alice', friend: 'o_bob', note: '好友 ✓' });
    assert.equal(event.type, 'friend.added');
  });

  test('accepts any matching v1 among several (a header may carry more than one)', async () => {
    const header = `t=${T},v1=${'ab'.repeat(32)},v1=${V1}`;
    assert.equal(
      await verifyWebhookSignature({ secret: SECRET, body: BODY, signatureHeader: header, now: AT_T }),
      true,
    );
  });

  test('refuses a changed body, another secret, a stale or future timestamp and a broken header', async () => {
    const verify = (overrides) =>
      verifyWebhookSignature({
        secret: SECRET,
        body: BODY,
        signatureHeader: HEADER,
        now: AT_T,
        ...overrides,
      });
    assert.equal(await verify({ body: BODY.replace('o_bob', 'o_eve') }), false);
    assert.equal(await verify({ body: JSON.stringify(JSON.parse(BODY), null, 2) }), false);
    assert.equal(await verify({ secret: 'whsec_other' }), false);
    assert.equal(await verify({ now: new Date((T + 301) * 1000) }), false);
    assert.equal(await verify({ now: new Date((T - 301) * 1000) }), false);
    assert.equal(await verify({ now: new Date((T + 3600) * 1000), toleranceSeconds: 7200 }), true);
    for (const signatureHeader of [undefined, '', `v1=${V1}`, `t=${T}`, `t=soon,v1=${V1}`, `t=${T},v1=xyz`]) {
      assert.equal(await verify({ signatureHeader }), false, `header ${signatureHeader}`);
    }
  });

  test('constructWebhookEvent says why it refused', async () => {
    const reason = (overrides) =>
      constructWebhookEvent({
        secret: SECRET,
        body: BODY,
        signatureHeader: HEADER,
        now: AT_T,
        ...overrides,
      }).then(
        () => 'accepted',
        (error) => (error instanceof WebhookSignatureError ? error.reason : error),
      );
    assert.equal(await reason({ signatureHeader: null }), 'missing_header');
    assert.equal(await reason({ signatureHeader: 'nonsense' }), 'malformed_header');
    assert.equal(await reason({ now: Date.now() }), 'timestamp_out_of_tolerance');
    assert.equal(await reason({ body: `${BODY} ` }), 'signature_mismatch');
    await assert.rejects(
      verifyWebhookSignature({ secret: '', body: BODY, signatureHeader: HEADER }),
      TypeError,
    );
  });

  test('isWebhookEventOfType tells an event by its type', async () => {
    const event = await constructWebhookEvent({
      secret: SECRET,
      body: BODY,
      signatureHeader: HEADER,
      now: AT_T,
    });
    assert.equal(isWebhookEventOfType(event, 'friend.added'), true);
    assert.equal(isWebhookEventOfType(event, 'app.installed'), false);
  });

  test('parseWebhookEvent refuses what is not an event', () => {
    assert.equal(parseWebhookEvent(BODY).id, '019a9b3c-0000-7000-8000-000000000001');
    for (const body of ['not json', '[]', '{"id":"x"}', 'null']) {
      assert.throws(
        () => parseWebhookEvent(body),
        (error) => error.reason === 'invalid_event',
      );
    }
  });
});

/** Nothing listens here: the walk stops at the redirect, as an app's server would receive it. */
const REDIRECT_URI = 'http://127.0.0.1:9/callback';
/** How long the host's dispatcher (polling every second) may take to deliver. */
const DELIVERY_WAIT_MS = 20_000;
const ADMIN = { username: 'webhook_admin', password: 'webhook admin password' };

describe('verifyWebhookSignature against webhooks a real host sends', () => {
  let host;
  let receiver;
  const received = [];

  before(async () => {
    receiver = http.createServer((request, response) => {
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks) });
        response.writeHead(204).end();
      });
    });
    await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    // Development mode: the host may deliver to a receiver on this machine. The admin publishes apps.
    host = await HostProcess.start({
      KONGJIAN_DEV_MODE: 'true',
      KONGJIAN_ADMIN: `${ADMIN.username}:${ADMIN.password}`,
    });
  });
  after(async () => {
    await host?.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });

  test('a story posted through the SDK arrives as a post.created webhook that verifies', async () => {
    const hostApi = new HostApi(host.baseUrl);
    const alice = await hostApi.newUser('alice');
    const developer = await hostApi.newUser('dev');
    const webhookUrl = `http://127.0.0.1:${receiver.address().port}/hooks`;
    const app = await hostApi.newApp(
      developer,
      {
        redirectUris: [REDIRECT_URI],
        scopes: ['profile:read', 'feed:write'],
        webhookUrl,
        events: ['post.created'],
      },
      [alice],
    );
    const oauth = await KongjianOAuth.discover(host.baseUrl, {
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      redirectUri: REDIRECT_URI,
      allowInsecureRequests: true,
    });
    const pending = await oauth.authorizationUrl({ scope: ['profile:read', 'feed:write'] });
    const page = await signInAndConsent(new FormBrowser(), pending.url, alice, {
      stopBefore: (url) => url.href.startsWith(REDIRECT_URI),
    });
    const tokens = await oauth.exchangeCallback(page.stoppedAt, pending);
    const api = createOpenApiClient({ baseUrl: host.baseUrl, accessToken: tokens.accessToken });
    const story = unwrap(await api.POST('/open/v1/feed/stories', { body: { text: 'Signed and delivered' } }));

    const deadline = Date.now() + DELIVERY_WAIT_MS;
    let webhook;
    while (!(webhook = received.find((entry) => entry.headers['kongjian-event-type'] === 'post.created'))) {
      assert.ok(Date.now() < deadline, 'the host delivered post.created');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { secret } = await hostApi.request('GET', `/developer/apps/${app.id}/webhook`, {
      token: developer.token,
      expected: 200,
    });
    const signatureHeader = webhook.headers['kongjian-signature'];

    assert.equal(await verifyWebhookSignature({ secret, body: webhook.body, signatureHeader }), true);
    const event = await constructWebhookEvent({
      secret,
      body: webhook.body.toString('utf8'),
      signatureHeader,
    });
    assert.equal(event.id, webhook.headers['kongjian-event-id']);
    assert.equal(event.appId, app.id);
    assert.equal(event.data.postId, story.id);
    assert.equal(event.data.text, 'Signed and delivered');
    assert.equal(
      await verifyWebhookSignature({ secret: `${secret}x`, body: webhook.body, signatureHeader }),
      false,
    );
  });

  test('an invite sent through the SDK arrives as app.invited, and as invite.accepted once the friend installs', async () => {
    const hostApi = new HostApi(host.baseUrl);
    const [alice, bob, developer] = [
      await hostApi.newUser('alice'),
      await hostApi.newUser('bob'),
      await hostApi.newUser('dev'),
    ];
    await hostApi.befriend(alice, bob);
    const scopes = ['profile:read', 'invites:send'];
    const app = await hostApi.newApp(developer, {
      redirectUris: [REDIRECT_URI],
      scopes,
      webhookUrl: `http://127.0.0.1:${receiver.address().port}/hooks`,
      events: ['app.invited', 'invite.accepted'],
    });
    // Friends are invited only to a published app.
    await hostApi.publishVersion(developer, await hostApi.request('POST', '/sessions', { body: ADMIN }), app);
    const oauth = await KongjianOAuth.discover(host.baseUrl, {
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      redirectUri: REDIRECT_URI,
      allowInsecureRequests: true,
    });
    const signIn = async (user) => {
      const pending = await oauth.authorizationUrl({ scope: scopes });
      const page = await signInAndConsent(new FormBrowser(), pending.url, user, {
        stopBefore: (url) => url.href.startsWith(REDIRECT_URI),
      });
      const tokens = await oauth.exchangeCallback(page.stoppedAt, pending);
      return createOpenApiClient({ baseUrl: host.baseUrl, accessToken: tokens.accessToken });
    };
    const asAlice = await signIn(alice);
    const aliceOpenid = unwrap(await asAlice.GET('/open/v1/me')).openid;

    const [friend] = unwrap(await asAlice.GET('/open/v1/invitable-friends')).items;
    assert.equal(friend.nickname, bob.username);
    assert.equal(friend.invited, false);
    const sent = await asAlice.POST('/open/v1/invites', { body: { to: friend.openid } });
    assert.equal(sent.response.status, 201);
    assert.deepEqual(sent.data, {
      id: sent.data.id,
      inviter: aliceOpenid,
      invitee: friend.openid,
      createdAt: sent.data.createdAt,
    });
    const repeated = await asAlice.POST('/open/v1/invites', { body: { to: friend.openid } });
    assert.equal(repeated.response.status, 200);
    assert.equal(repeated.data.id, sent.data.id);

    // Bob installs through the consent page, and is the openid he was invited by.
    const asBob = await signIn(bob);
    assert.equal(unwrap(await asBob.GET('/open/v1/me')).openid, friend.openid);

    const { secret } = await hostApi.request('GET', `/developer/apps/${app.id}/webhook`, {
      token: developer.token,
      expected: 200,
    });
    const deliveredEvent = async (type) => {
      const deadline = Date.now() + DELIVERY_WAIT_MS;
      let webhook;
      while (
        !(webhook = received.find(
          (entry) => entry.headers['kongjian-event-type'] === type && entry.body.includes(sent.data.id),
        ))
      ) {
        assert.ok(Date.now() < deadline, `the host delivered ${type}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return constructWebhookEvent({
        secret,
        body: webhook.body.toString('utf8'),
        signatureHeader: webhook.headers['kongjian-signature'],
      });
    };
    const invited = await deliveredEvent('app.invited');
    assert.deepEqual(invited.data, {
      inviteId: sent.data.id,
      inviter: aliceOpenid,
      invitee: friend.openid,
      createdAt: sent.data.createdAt,
    });
    const accepted = await deliveredEvent('invite.accepted');
    assert.deepEqual(accepted.data, {
      inviteId: sent.data.id,
      inviter: aliceOpenid,
      invitee: friend.openid,
      acceptedAt: accepted.data.acceptedAt,
    });
  });

  test('a held story: the app hears post.held, reads its state, and hears post.created or post.removed as the admin decides', async () => {
    const hostApi = new HostApi(host.baseUrl);
    const [alice, developer] = [await hostApi.newUser('alice'), await hostApi.newUser('dev')];
    const admin = await hostApi.request('POST', '/sessions', { body: ADMIN });
    await hostApi.request('POST', '/admin/moderation/rules', {
      token: admin.token,
      body: { phrase: 'mystery-pills', action: 'hold' },
    });
    const scopes = ['profile:read', 'feed:write'];
    const app = await hostApi.newApp(
      developer,
      {
        redirectUris: [REDIRECT_URI],
        scopes,
        webhookUrl: `http://127.0.0.1:${receiver.address().port}/hooks`,
        events: ['post.created', 'post.held', 'post.removed'],
      },
      [alice],
    );
    const oauth = await KongjianOAuth.discover(host.baseUrl, {
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      redirectUri: REDIRECT_URI,
      allowInsecureRequests: true,
    });
    const pending = await oauth.authorizationUrl({ scope: scopes });
    const page = await signInAndConsent(new FormBrowser(), pending.url, alice, {
      stopBefore: (url) => url.href.startsWith(REDIRECT_URI),
    });
    const api = createOpenApiClient({
      baseUrl: host.baseUrl,
      accessToken: (await oauth.exchangeCallback(page.stoppedAt, pending)).accessToken,
    });
    const author = unwrap(await api.GET('/open/v1/me')).openid;
    const { secret } = await hostApi.request('GET', `/developer/apps/${app.id}/webhook`, {
      token: developer.token,
    });
    const stateOf = async (id) =>
      unwrap(await api.GET('/open/v1/feed/stories/{id}', { params: { path: { id } } })).state;
    const decide = (id, action, body = {}) =>
      hostApi.request('POST', `/admin/moderation/subjects/post/${id}/${action}`, {
        token: admin.token,
        body,
        expected: 200,
      });

    // Held, then approved: post.held with the story, then post.created with the same story.
    const text = 'Selling mystery-pills at the farm';
    const story = unwrap(await api.POST('/open/v1/feed/stories', { body: { text } }));
    assert.equal(story.state, 'held');
    assert.equal(await stateOf(story.id), 'held');
    const told = { postId: story.id, author, text, linkUrl: null, imageUrl: null, privacy: 'friends' };
    const held = await deliveredEvent(received, secret, 'post.held', story.id);
    assert.ok(isWebhookEventOfType(held, 'post.held'));
    assert.deepEqual(held.data, told);
    await decide(story.id, 'approve');
    assert.equal(await stateOf(story.id), 'published');
    assert.deepEqual((await deliveredEvent(received, secret, 'post.created', story.id)).data, told);

    // Held, then rejected: post.removed with the reason, and the story reads as rejected.
    const refused = unwrap(await api.POST('/open/v1/feed/stories', { body: { text: 'More mystery-pills' } }));
    await deliveredEvent(received, secret, 'post.held', refused.id);
    await decide(refused.id, 'reject', { reason: 'Not on Kongjian' });
    assert.equal(await stateOf(refused.id), 'rejected');
    const removed = await deliveredEvent(received, secret, 'post.removed', refused.id);
    assert.ok(isWebhookEventOfType(removed, 'post.removed'));
    assert.deepEqual(removed.data, { postId: refused.id, author, reason: 'rejected' });

    // A story that is none of this app's reads as not found.
    const missing = await api.GET('/open/v1/feed/stories/{id}', {
      params: { path: { id: '00000000-0000-0000-0000-000000000000' } },
    });
    assert.equal(missing.response.status, 404);
    assert.equal(missing.error?.code, 'not_found');
  });

  test('installing through the OAuth consent page sends app.installed, once however often the user signs in', async () => {
    const hostApi = new HostApi(host.baseUrl);
    const [alice, developer] = [await hostApi.newUser('alice'), await hostApi.newUser('dev')];
    const app = await hostApi.newApp(
      developer,
      {
        redirectUris: [REDIRECT_URI],
        scopes: ['profile:read'],
        webhookUrl: `http://127.0.0.1:${receiver.address().port}/hooks`,
        events: ['app.installed'],
      },
      [alice],
    );
    const oauth = await KongjianOAuth.discover(host.baseUrl, {
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      redirectUri: REDIRECT_URI,
      allowInsecureRequests: true,
    });
    let openid;
    for (let i = 0; i < 2; i++) {
      const pending = await oauth.authorizationUrl({ scope: ['profile:read'] });
      const page = await signInAndConsent(new FormBrowser(), pending.url, alice, {
        stopBefore: (url) => url.href.startsWith(REDIRECT_URI),
      });
      const tokens = await oauth.exchangeCallback(page.stoppedAt, pending);
      const api = createOpenApiClient({ baseUrl: host.baseUrl, accessToken: tokens.accessToken });
      openid = unwrap(await api.GET('/open/v1/me')).openid;
    }
    const { secret } = await hostApi.request('GET', `/developer/apps/${app.id}/webhook`, {
      token: developer.token,
    });
    const installed = await deliveredEvent(received, secret, 'app.installed', openid);
    assert.equal(installed.appId, app.id);
    assert.ok(isWebhookEventOfType(installed, 'app.installed'));
    assert.deepEqual(installed.data, { user: openid });
    // The delivery log holds every event the app was sent: one install, for two sign-ins.
    const log = await hostApi.request('GET', `/developer/apps/${app.id}/webhook/deliveries`, {
      token: developer.token,
    });
    assert.deepEqual(
      log.items.map((item) => [item.type, item.eventId]),
      [['app.installed', installed.id]],
    );
  });

  test('a test event the developer sends verifies like any other, and shows in the delivery log', async () => {
    const hostApi = new HostApi(host.baseUrl);
    const developer = await hostApi.newUser('dev');
    const webhookUrl = `http://127.0.0.1:${receiver.address().port}/hooks`;
    const app = await hostApi.newApp(developer, {
      redirectUris: [REDIRECT_URI],
      scopes: ['profile:read'],
      webhookUrl,
    });
    const sent = await hostApi.request('POST', `/developer/apps/${app.id}/webhook/test`, {
      token: developer.token,
      expected: 202,
    });

    const deadline = Date.now() + DELIVERY_WAIT_MS;
    let webhook;
    while (!(webhook = received.find((entry) => entry.headers['kongjian-event-id'] === sent.eventId))) {
      assert.ok(Date.now() < deadline, 'the host delivered the test event');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { secret } = await hostApi.request('GET', `/developer/apps/${app.id}/webhook`, {
      token: developer.token,
      expected: 200,
    });
    const event = await constructWebhookEvent({
      secret,
      body: webhook.body.toString('utf8'),
      signatureHeader: webhook.headers['kongjian-signature'],
    });
    assert.equal(event.type, 'webhook.test');
    assert.equal(event.appId, app.id);

    let logged;
    while ((logged = await deliveryOf(hostApi, developer, app, sent.eventId)).status === 'pending') {
      assert.ok(Date.now() < deadline, 'the host recorded the delivery');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(logged.status, 'delivered');
    assert.equal(logged.lastStatusCode, 204);
  });
});

/** The delivery of one event, as the developer's delivery log shows it. */
async function deliveryOf(hostApi, developer, app, eventId) {
  const log = await hostApi.request('GET', `/developer/apps/${app.id}/webhook/deliveries`, {
    token: developer.token,
    expected: 200,
  });
  return log.items.find((item) => item.eventId === eventId);
}

/** Waits for the first webhook `received` holds of `type` whose body mentions `mention`, verified and parsed. */
async function deliveredEvent(received, secret, type, mention) {
  const deadline = Date.now() + DELIVERY_WAIT_MS;
  let webhook;
  while (
    !(webhook = received.find(
      (entry) => entry.headers['kongjian-event-type'] === type && entry.body.includes(mention),
    ))
  ) {
    assert.ok(Date.now() < deadline, `the host delivered ${type} about ${mention}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return constructWebhookEvent({
    secret,
    body: webhook.body.toString('utf8'),
    signatureHeader: webhook.headers['kongjian-signature'],
  });
}
