import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createOpenApiClient, KongjianOAuth, KongjianOAuthError, unwrap } from '@kongjian/sdk';
import { FormBrowser, HostApi, HostProcess, signInAndConsent } from '@kongjian/testing';

/** Nothing listens here: the walk stops at the redirect, as an app's server would receive it. */
const REDIRECT_URI = 'http://127.0.0.1:9/callback';
const ALL_SCOPES = ['profile:read', 'friends:read', 'feed:write', 'storage'];
const ADMIN = { username: 'sdk_admin', password: 'sdk admin password' };

describe('the SDK against a real host', () => {
  let host;
  let hostApi;
  let alice;
  let bob;
  let app;

  before(async () => {
    // The admin grants coins, so a user can buy a yellow diamond.
    host = await HostProcess.start({ KONGJIAN_ADMIN: `${ADMIN.username}:${ADMIN.password}` });
    hostApi = new HostApi(host.baseUrl);
    [alice, bob] = [await hostApi.newUser('alice'), await hostApi.newUser('bob')];
    await hostApi.befriend(alice, bob);
    const developer = await hostApi.newUser('dev');
    app = await hostApi.newApp(developer, { redirectUris: [REDIRECT_URI], scopes: ALL_SCOPES }, [alice, bob]);
  });
  after(() => host?.stop());

  const oauthClient = (options = {}) =>
    KongjianOAuth.discover(host.baseUrl, {
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      redirectUri: REDIRECT_URI,
      allowInsecureRequests: true,
      ...options,
    });

  /** Authorizes the app as `user`, through the host's sign-in and consent pages. */
  async function signIn(user, oauth, scope = ALL_SCOPES) {
    const pending = await oauth.authorizationUrl({ scope });
    const page = await signInAndConsent(new FormBrowser(), pending.url, user, {
      stopBefore: (url) => url.href.startsWith(REDIRECT_URI),
    });
    assert.ok(page.stoppedAt, `the walk ended on ${page.url} (${page.status}) instead of the redirect URI`);
    return oauth.exchangeCallback(page.stoppedAt, pending);
  }

  test('discovers the server, authorizes two users and calls me, friends, stories and storage', async () => {
    const oauth = await oauthClient();
    const aliceTokens = await signIn(alice, oauth);
    const bobTokens = await signIn(bob, oauth);
    assert.deepEqual([...aliceTokens.scope].sort(), [...ALL_SCOPES].sort());
    const asAlice = createOpenApiClient({ baseUrl: host.baseUrl, tokens: oauth.session(aliceTokens) });
    const asBob = createOpenApiClient({ baseUrl: host.baseUrl, accessToken: bobTokens.accessToken });

    const me = unwrap(await asAlice.GET('/open/v1/me'));
    assert.equal(me.nickname, alice.username);
    const bobMe = unwrap(await asBob.GET('/open/v1/me'));
    assert.notEqual(bobMe.openid, me.openid);

    const friends = unwrap(await asAlice.GET('/open/v1/friends'));
    assert.deepEqual(
      friends.items.map((friend) => friend.openid),
      [bobMe.openid],
    );
    const status = unwrap(
      await asAlice.GET('/open/v1/friends/{openid}', { params: { path: { openid: bobMe.openid } } }),
    );
    assert.equal(status.isFriend, true);

    const text = `Alice says hi from the SDK test ${Date.now()}`;
    unwrap(await asAlice.POST('/open/v1/feed/stories', { body: { text } }));
    const feed = await hostApi.feed(bob);
    assert.ok(
      feed.items.some((item) => item.post.kind === 'story' && item.post.body === text),
      'the story is in Bob’s feed',
    );

    const key = { params: { path: { key: 'settings' } } };
    const missing = await asAlice.GET('/open/v1/storage/{key}', key);
    assert.equal(missing.error?.code, 'not_found');
    assert.equal(missing.error?.status, 404);
    unwrap(await asAlice.PUT('/open/v1/storage/{key}', { ...key, body: { value: { sound: false } } }));
    assert.deepEqual(unwrap(await asAlice.GET('/open/v1/storage/{key}', key)).value, { sound: false });
    unwrap(await asAlice.DELETE('/open/v1/storage/{key}', key));
    assert.equal((await asAlice.GET('/open/v1/storage/{key}', key)).error?.code, 'not_found');
  });

  test('checks a text, then reads what is left of its limits, and a story takes one from them', async () => {
    const oauth = await oauthClient();
    const api = createOpenApiClient({
      baseUrl: host.baseUrl,
      tokens: oauth.session(await signIn(bob, oauth)),
    });
    const text = `Bob checks his words first ${Date.now()}`;
    assert.deepEqual(unwrap(await api.POST('/open/v1/text-checks', { body: { text } })), {
      verdict: 'allow',
    });

    const asked = await api.GET('/open/v1/limits');
    const { quotas, rateLimit } = unwrap(asked);
    // The answer counts itself, as the RateLimit header of the same response does.
    assert.match(
      asked.response.headers.get('ratelimit') ?? '',
      new RegExp(
        `^"token";r=${rateLimit.token.remaining};t=\\d+, "app";r=${rateLimit.app?.remaining};t=\\d+$`,
      ),
    );
    unwrap(await api.POST('/open/v1/feed/stories', { body: { text } }));
    assert.deepEqual(unwrap(await api.GET('/open/v1/limits')).quotas.stories, {
      ...quotas.stories,
      used: quotas.stories.used + 1,
      remaining: quotas.stories.remaining - 1,
    });
  });

  test('friends carry their yellow diamond with profile:read, and no vip without it', async () => {
    const admin = await hostApi.request('POST', '/sessions', { body: ADMIN });
    await hostApi.request('POST', `/admin/users/${bob.id}/coin-grants`, {
      token: admin.token,
      body: { amount: 1000, idempotencyKey: randomUUID() },
    });
    await hostApi.request('POST', '/vip/purchases', {
      token: bob.token,
      body: { months: 1, idempotencyKey: randomUUID() },
    });
    const oauth = await oauthClient();
    const asAlice = createOpenApiClient({
      baseUrl: host.baseUrl,
      accessToken: (await signIn(alice, oauth)).accessToken,
    });
    const [friend] = unwrap(await asAlice.GET('/open/v1/friends')).items;
    assert.equal(friend.nickname, bob.username);
    assert.deepEqual(friend.vip, { active: true, level: 1 });
    const one = unwrap(
      await asAlice.GET('/open/v1/friends/{openid}', { params: { path: { openid: friend.openid } } }),
    );
    assert.deepEqual(one, { openid: friend.openid, isFriend: true, vip: { active: true, level: 1 } });
    // Alice's own status shows as any user's does.
    assert.deepEqual(unwrap(await asAlice.GET('/open/v1/me')).vip, { active: false, level: null });

    // A token without profile:read sees who the friends are, and nothing of their profile's VIP.
    const friendsOnly = createOpenApiClient({
      baseUrl: host.baseUrl,
      accessToken: (await signIn(alice, oauth, ['friends:read'])).accessToken,
    });
    const [bare] = unwrap(await friendsOnly.GET('/open/v1/friends')).items;
    assert.equal(bare.openid, friend.openid);
    assert.equal('vip' in bare, false);
  });

  test('a session refreshes before expiry, rotates the refresh token, and revoke() ends the grant', async () => {
    const oauth = await oauthClient({ clientAuthentication: 'client_secret_post' });
    const tokens = await signIn(alice, oauth);
    const saved = [];
    // Pretend an hour went by: the access token is about to expire.
    const session = oauth.session(tokens, {
      now: () => tokens.expiresAt - 1000,
      onTokens: (next) => saved.push(next),
    });
    const api = createOpenApiClient({ baseUrl: host.baseUrl, tokens: session });

    const results = await Promise.all([
      api.GET('/open/v1/me'),
      api.GET('/open/v1/me'),
      api.GET('/open/v1/me'),
    ]);
    for (const result of results) unwrap(result);
    assert.equal(saved.length, 1, 'one refresh for three concurrent calls');
    assert.notEqual(session.tokens.refreshToken, tokens.refreshToken);
    assert.notEqual(session.tokens.accessToken, tokens.accessToken);

    await session.revoke();
    const refused = await createOpenApiClient({
      baseUrl: host.baseUrl,
      accessToken: session.tokens.accessToken,
    }).GET('/open/v1/me');
    assert.equal(refused.response.status, 401);
    assert.equal(refused.error?.code, 'invalid_token');
    await assert.rejects(
      oauth.refresh(session.tokens.refreshToken),
      (error) => error instanceof KongjianOAuthError && error.error === 'invalid_grant',
    );
  });
});
