import { OpenApiKit } from '../open-api/open-api.testing';
import { expectProblem } from '../testing/expect-problem';
import type { TestFactory } from '../testing/factory';
import { OAuthTestClient } from '../testing/oauth-client';
import type { TestHost } from '../testing/test-host';

describe('rate limits of the token endpoint and of invalid access tokens (e2e)', () => {
  const windowSeconds = 60;
  let host: TestHost;
  let factory: TestFactory;
  let kit: OpenApiKit;
  let oauth: OAuthTestClient;

  beforeAll(async () => {
    ({ host, factory, kit } = await OpenApiKit.start({
      rateLimits: {
        oauthTokenPerClient: { points: 3, windowSeconds },
        invalidTokensPerAddress: { points: 4, windowSeconds },
      },
    }));
    oauth = new OAuthTestClient(host);
  });
  afterAll(() => host.close());

  /** The seconds a refusal says to wait: the rest of a window the test entered moments ago (a slow machine
   * may have crossed a second or a few since). */
  const expectRetryAfterRestOfWindow = (retryAfter: string): number => {
    const seconds = Number(retryAfter);
    expect(seconds).toBeGreaterThan(windowSeconds - 15);
    expect(seconds).toBeLessThanOrEqual(windowSeconds);
    return seconds;
  };
  const startOfWindow = () => {
    const windowMs = windowSeconds * 1000;
    host.clock.advance(windowMs - (host.clock.now().getTime() % windowMs) + 10);
  };

  it('limits token requests per client, in the OAuth error format, and spends no refresh token it refuses', async () => {
    const app = await kit.approvedApp();
    const other = await kit.approvedApp();
    const user = await factory.newUser('tokens');
    startOfWindow();
    // Failed client authentications are not the client's: they spend nothing of its budget.
    for (let i = 0; i < 4; i++) {
      const wrong = await oauth.token(
        { ...app, clientSecret: 'not the secret' },
        { grant_type: 'refresh_token' },
      );
      expect(wrong.status).toBe(401);
    }
    const tokens = await oauth.authorizeTokens(user, app);
    let refreshToken = tokens.refreshToken;
    for (let i = 0; i < 2; i++) {
      const refreshed = await oauth.token(app, { grant_type: 'refresh_token', refresh_token: refreshToken });
      expect(refreshed.status).toBe(200);
      refreshToken = refreshed.body.refresh_token;
    }
    const refused = await oauth.token(app, { grant_type: 'refresh_token', refresh_token: refreshToken });
    expect(refused.status).toBe(429);
    const retryAfter = expectRetryAfterRestOfWindow(refused.headers['retry-after']);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.body).toEqual({
      error: 'slow_down',
      error_description: `Too many token requests for this client; retry after ${retryAfter} seconds`,
    });
    // Another client has its own budget.
    expect((await oauth.authorizeTokens(user, other)).accessToken).toEqual(expect.any(String));

    // The refused request never reached the grant: its refresh token still works in the next window.
    host.clock.advance(windowSeconds * 1000);
    const later = await oauth.token(app, { grant_type: 'refresh_token', refresh_token: refreshToken });
    expect(later.status).toBe(200);
  });

  it('refuses an address that sent too many invalid tokens before looking its token up, counting only failures', async () => {
    const app = await kit.approvedApp();
    const { token } = await kit.newUserWithToken('valid', app);
    startOfWindow();
    for (let i = 0; i < 3; i++) {
      expectProblem(await host.get('/open/v1/me', { token: `forged-${i}` }), 401, 'invalid_token');
      // Requests with a valid token count for nothing here.
      expect((await host.get('/open/v1/me', { token })).status).toBe(200);
    }
    // The fourth invalid token is the last this address may send in the window.
    expectProblem(await host.get('/open/v1/me', { token: 'forged-3' }), 401, 'invalid_token');
    const refused = await host.get('/open/v1/me', { token: 'forged-again' });
    expectProblem(refused, 429, 'rate_limited');
    expectRetryAfterRestOfWindow(refused.headers['retry-after']);
    // Now even a valid token from this address waits: the address is refused before any lookup.
    expectProblem(await host.get('/open/v1/me', { token }), 429, 'rate_limited');
    // Another client address (through the trusted proxy on loopback) is not.
    const elsewhere = { 'X-Forwarded-For': '203.0.113.7' };
    expect((await host.get('/open/v1/me', { token, headers: elsewhere })).status).toBe(200);

    host.clock.advance(windowSeconds * 1000);
    expect((await host.get('/open/v1/me', { token })).status).toBe(200);
  });
});
