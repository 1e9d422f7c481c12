import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createOpenApiClient,
  KongjianApiError,
  KongjianOAuth,
  KongjianOAuthError,
  unwrap,
} from '@kongjian/sdk';
import { startFakeServer } from './fake-authorization-server.mjs';

describe('TokenSession and the Open API client', () => {
  let fake;
  let oauth;
  let signIn;
  before(async () => {
    fake = await startFakeServer();
    oauth = await KongjianOAuth.discover(fake.issuer, {
      clientId: 'client-1',
      clientSecret: 's3cret',
      redirectUri: 'http://127.0.0.1:4000/callback',
      allowInsecureRequests: true,
    });
    signIn = async () => {
      const pending = await oauth.authorizationUrl({ scope: ['profile:read'] });
      const iss = encodeURIComponent(fake.issuer);
      return oauth.exchangeCallback(
        `http://127.0.0.1:4000/callback?code=the-code&state=${pending.state}&iss=${iss}`,
        pending,
      );
    };
  });
  after(() => fake.close());

  test('hands out the access token as is while it is fresh', async () => {
    const tokens = await signIn();
    const session = oauth.session(tokens);
    assert.equal(await session.getAccessToken(), tokens.accessToken);
    assert.equal(session.tokens, tokens);
  });

  test('refreshes once for many concurrent callers shortly before expiry, and keeps the rotated refresh token', async () => {
    const tokens = await signIn();
    let now = tokens.expiresAt - 120_000;
    const stored = [];
    const session = oauth.session(tokens, { now: () => now, onTokens: (next) => stored.push(next) });
    assert.equal(await session.getAccessToken(), tokens.accessToken);

    now = tokens.expiresAt - 30_000; // inside the 60 s margin
    fake.state.refreshDelayMs = 50;
    const refreshesBefore = fake.state.tokenRequests.filter(
      (sent) => sent.body.get('grant_type') === 'refresh_token',
    ).length;
    const handedOut = await Promise.all(Array.from({ length: 10 }, () => session.getAccessToken()));
    fake.state.refreshDelayMs = 0;

    const refreshes = fake.state.tokenRequests.filter(
      (sent) => sent.body.get('grant_type') === 'refresh_token',
    );
    assert.equal(refreshes.length - refreshesBefore, 1);
    assert.equal(refreshes.at(-1).body.get('refresh_token'), tokens.refreshToken);
    assert.deepEqual(new Set(handedOut), new Set([session.tokens.accessToken]));
    assert.notEqual(session.tokens.accessToken, tokens.accessToken);
    assert.notEqual(session.tokens.refreshToken, tokens.refreshToken);
    assert.deepEqual(stored, [session.tokens]);
  });

  test('a refused refresh surfaces as invalid_grant, and the next call tries again', async () => {
    const tokens = await signIn();
    const session = oauth.session({ ...tokens, refreshToken: 'stolen-and-reused', expiresAt: Date.now() });
    for (let attempt = 0; attempt < 2; attempt++) {
      await assert.rejects(
        session.getAccessToken(),
        (error) => error instanceof KongjianOAuthError && error.error === 'invalid_grant',
      );
    }
  });

  test('revoke() revokes the refresh token, then the access token', async () => {
    const tokens = await signIn();
    await oauth.session(tokens).revoke();
    assert.deepEqual(fake.state.revoked.slice(-2), [tokens.refreshToken, tokens.accessToken]);
  });

  test('the client sends the session token as a Bearer header', async () => {
    const tokens = await signIn();
    const api = createOpenApiClient({ baseUrl: fake.issuer, tokens: oauth.session(tokens) });
    const { data, error } = await api.GET('/open/v1/me');
    assert.equal(error, undefined);
    assert.equal(data.openid, 'o-1');
    assert.equal(fake.state.apiRequests.at(-1).authorization, `Bearer ${tokens.accessToken}`);
    const fixed = createOpenApiClient({ baseUrl: `${fake.issuer}/`, accessToken: 'handed-over' });
    unwrap(await fixed.GET('/open/v1/me'));
    assert.equal(fake.state.apiRequests.at(-1).authorization, 'Bearer handed-over');
  });

  test('errors are typed problems: unwrap() throws them as KongjianApiError', async () => {
    const api = createOpenApiClient({ baseUrl: fake.issuer, accessToken: 'a' });
    const missing = await api.GET('/open/v1/storage/{key}', { params: { path: { key: 'missing' } } });
    assert.equal(missing.data, undefined);
    assert.deepEqual(missing.error, {
      type: 'urn:kongjian:problem:not_found',
      title: 'Not Found',
      status: 404,
      code: 'not_found',
      detail: 'no such key',
    });
    assert.throws(
      () => unwrap(missing),
      (error) => error instanceof KongjianApiError && error.code === 'not_found' && error.status === 404,
    );
  });

  test('an error that is not problem+json (a proxy page) still arrives as a problem', async () => {
    const api = createOpenApiClient({ baseUrl: fake.issuer, accessToken: 'a' });
    const { error, response } = await api.GET('/open/v1/storage/{key}', {
      params: { path: { key: 'elsewhere' } },
    });
    assert.equal(response.status, 502);
    assert.equal(error.code, 'unexpected_response');
    assert.equal(error.status, 502);
    assert.match(error.detail, /Bad gateway/);
  });

  test('needs exactly one way to get a token', () => {
    assert.throws(() => createOpenApiClient({ baseUrl: fake.issuer }), TypeError);
  });
});
