import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import { expectInvalidToken } from './open-api.testing';
import { app, factory, host, kit, token, useAppUserHost, useOpenApiHost, user } from './open-api.e2e-setup';

describe('Open API access (e2e)', () => {
  useAppUserHost('player');

  const posts = async () => (await host.sql<{ n: number }>('select count(*)::int as n from post'))[0].n;
  const storedKeys = async () =>
    (await host.sql<{ n: number }>('select count(*)::int as n from app_storage'))[0].n;

  it('answers a valid bearer token, with the rate-limit policy and what is left of it', async () => {
    const me = await host.get('/open/v1/me', { token });
    expect(me.status).toBe(200);
    expect(me.headers['ratelimit-policy']).toBe(
      `"token";q=${LIMITS.openApiTokenRequestsPerWindow};w=${LIMITS.openApiRateWindowSeconds}, ` +
        `"app";q=${LIMITS.openApiAppRequestsPerWindow};w=${LIMITS.openApiRateWindowSeconds}`,
    );
    expect(me.headers.ratelimit).toMatch(/^"token";r=\d+;t=\d+, "app";r=\d+;t=\d+$/);
  });

  it('lets browser apps call it from any origin, without credentials', async () => {
    const preflight = await host.call('OPTIONS', '/open/v1/storage/save', {
      raw: true,
      headers: {
        Origin: 'https://farm.example',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization, content-type, if-match',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, PUT, DELETE',
      'access-control-allow-headers': 'Authorization, Content-Type, If-Match, If-None-Match',
    });
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    const me = await host.get('/open/v1/me', { token, headers: { Origin: 'https://farm.example' } });
    expect(me.headers['access-control-allow-origin']).toBe('*');
    expect(me.headers['access-control-expose-headers']).toContain('RateLimit');
    // The first-party API stays same-origin.
    const account = await host.get('/account', {
      token: user.token,
      headers: { Origin: 'https://farm.example' },
    });
    expect(account.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('asks for a token, without an error code, when the request has none', async () => {
    for (const authorization of [undefined, 'Basic dXNlcjpwYXNz']) {
      const response = await host.get('/open/v1/me', {
        headers: authorization ? { Authorization: authorization } : {},
      });
      expectProblem(response, 401, 'unauthenticated');
      expect(response.headers['www-authenticate']).toBe('Bearer realm="kongjian"');
      expect(response.headers['ratelimit-policy']).toBeDefined();
    }
  });

  it('refuses unknown and malformed tokens, and session tokens', async () => {
    const unknown = await host.get('/open/v1/me', { token: 'not-a-token' });
    expectInvalidToken(unknown);
    expectInvalidToken(await host.get('/open/v1/me', { headers: { Authorization: 'Bearer a b' } }));
    expectInvalidToken(await host.get('/open/v1/me', { headers: { Authorization: 'Bearer' } }));
    // A first-party session is no access token, as a bearer or as the cookie.
    expectInvalidToken(await host.get('/open/v1/me', { token: user.token }));
    const cookie = await host.get('/open/v1/me', { headers: { Cookie: `kj_session=${user.token}` } });
    expectProblem(cookie, 401, 'unauthenticated');
  });

  it('refuses a token in the query string, even beside a valid header', async () => {
    for (const options of [{}, { token }]) {
      const response = await host.get('/open/v1/me', { ...options, query: { access_token: token } });
      expectProblem(response, 400, 'invalid_request');
      expect(response.headers['www-authenticate']).toBe('Bearer realm="kongjian", error="invalid_request"');
    }
  });

  it('refuses a token in the body and changes nothing', async () => {
    const before = await posts();
    const response = await host.post('/open/v1/feed/stories', {
      token,
      body: { text: 'hello', access_token: token },
    });
    expectProblem(response, 400, 'invalid_request');
    expect(await posts()).toBe(before);
  });

  it('refuses operations outside the granted scopes and changes nothing', async () => {
    const profileOnly = await kit.token(await factory.newUser('narrow'), app, ['profile:read']);
    expect((await host.get('/open/v1/me', { token: profileOnly })).status).toBe(200);
    const [postsBefore, keysBefore] = [await posts(), await storedKeys()];
    const refused = [
      [await host.get('/open/v1/friends', { token: profileOnly }), 'friends:read'],
      [await host.post('/open/v1/feed/stories', { token: profileOnly, body: { text: 'hi' } }), 'feed:write'],
      [await host.put('/open/v1/storage/k', { token: profileOnly, body: { value: 1 } }), 'storage'],
    ] as const;
    for (const [response, scope] of refused) {
      expectProblem(response, 403, 'insufficient_scope');
      expect(response.headers['www-authenticate']).toBe(
        `Bearer realm="kongjian", error="insufficient_scope", scope="${scope}"`,
      );
    }
    expect([await posts(), await storedKeys()]).toEqual([postsBefore, keysBefore]);
  });

  it('stops the tokens of a user who revokes the app, at once', async () => {
    const leaving = await factory.newUser('leaving');
    const leavingToken = await kit.token(leaving, app);
    expect((await host.get('/open/v1/me', { token: leavingToken })).status).toBe(200);
    const revoked = await host.delete(`/me/authorized-apps/${app.id}`, { token: leaving.token });
    expect(revoked.status).toBe(204);
    expectInvalidToken(await host.get('/open/v1/me', { token: leavingToken }));
  });

  it('stops every token of a suspended app, at once', async () => {
    const suspended = await kit.approvedApp();
    const suspendedToken = await kit.token(await factory.newUser('fan'), suspended);
    expect((await host.get('/open/v1/me', { token: suspendedToken })).status).toBe(200);
    const admin = await factory.admin();
    const suspension = await host.post(`/admin/apps/${suspended.id}/suspend`, {
      token: admin.token,
      body: { reason: 'spam' },
    });
    expect(suspension.status).toBe(200);
    expectInvalidToken(await host.get('/open/v1/me', { token: suspendedToken }));
    // Other apps' tokens are untouched.
    expect((await host.get('/open/v1/me', { token })).status).toBe(200);
  });

  // Last: it moves the clock past every token's lifetime.
  it('stops an access token once it expires', async () => {
    host.clock.advance(LIMITS.oauthAccessTokenTtlSeconds * 1000 - 60_000);
    expect((await host.get('/open/v1/me', { token })).status).toBe(200);
    host.clock.advance(120_000);
    expectInvalidToken(await host.get('/open/v1/me', { token }));
  });
});

describe('Open API rate limits (e2e)', () => {
  const limits = { tokenRequestsPerWindow: 3, appRequestsPerWindow: 5, windowSeconds: 60 };
  useOpenApiHost({ openApiRateLimits: limits });

  /** Moves the test clock to the start of a window, so a test's requests all fall in one window. */
  const startOfWindow = () => {
    const windowMs = limits.windowSeconds * 1000;
    host.clock.advance(windowMs - (host.clock.now().getTime() % windowMs) + 10);
  };

  it('limits each token and each app per window, telling how long to wait', async () => {
    const app = await kit.approvedApp();
    const first = await kit.token(await factory.newUser('a'), app);
    const second = await kit.token(await factory.newUser('b'), app);
    startOfWindow();

    const left: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await host.get('/open/v1/me', { token: first });
      expect(response.status).toBe(200);
      left.push(response.headers.ratelimit);
    }
    expect(left).toEqual([
      '"token";r=2;t=60, "app";r=4;t=60',
      '"token";r=1;t=60, "app";r=3;t=60',
      '"token";r=0;t=60, "app";r=2;t=60',
    ]);
    const limited = await host.get('/open/v1/me', { token: first });
    expectProblem(limited, 429, 'rate_limited');
    expect(limited.body.detail).toBe('An access token may make 3 requests per 60 s; try again in 60 s');
    expect(limited.headers['retry-after']).toBe('60');
    expect(limited.headers['ratelimit-policy']).toBe('"token";q=3;w=60, "app";q=5;w=60');

    // The other token has its own budget, until the app's runs out.
    expect((await host.get('/open/v1/me', { token: second })).status).toBe(200);
    expect((await host.get('/open/v1/me', { token: second })).status).toBe(200);
    const appLimited = await host.get('/open/v1/me', { token: second });
    expectProblem(appLimited, 429, 'rate_limited');
    expect(appLimited.body.detail).toBe(
      'An app may make 5 requests per 60 s with all its tokens; try again in 60 s',
    );
    expect(appLimited.headers.ratelimit).toBe('"token";r=1;t=60, "app";r=0;t=60');

    host.clock.advance(30_000);
    // Half the window is left: 30 s, less what the test clock (which also ticks in real time) ran on a
    // busy machine since the window began.
    const halfway = Number((await host.get('/open/v1/me', { token: first })).headers['retry-after']);
    expect(halfway).toBeLessThanOrEqual(30);
    expect(halfway).toBeGreaterThanOrEqual(25);

    // A new window starts every count again; other apps never shared this one's.
    host.clock.advance(30_000);
    expect((await host.get('/open/v1/me', { token: first })).status).toBe(200);
    const otherApp = await kit.approvedApp();
    const otherToken = await kit.token(await factory.newUser('c'), otherApp);
    expect((await host.get('/open/v1/me', { token: otherToken })).headers.ratelimit).toMatch(
      /^"token";r=2;t=\d+, "app";r=4;t=\d+$/,
    );
  });
});
