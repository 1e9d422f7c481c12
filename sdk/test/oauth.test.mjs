import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { discover, KongjianOAuth, KongjianOAuthError } from '@kongjian/sdk';
import { startFakeServer } from './fake-authorization-server.mjs';

const REDIRECT_URI = 'http://127.0.0.1:4000/callback';

describe('KongjianOAuth', () => {
  let fake;
  let oauth;
  before(async () => {
    fake = await startFakeServer();
    oauth = await KongjianOAuth.discover(fake.issuer, {
      clientId: 'client-1',
      clientSecret: 's3cret',
      redirectUri: REDIRECT_URI,
      allowInsecureRequests: true,
    });
  });
  after(() => fake.close());

  test('refuses a plain-http issuer unless insecure requests are allowed', async () => {
    await assert.rejects(discover(fake.issuer), /only requests to HTTPS are allowed/);
  });

  test('builds an authorization URL with state and an S256 challenge of the verifier it returns', async () => {
    const { url, state, codeVerifier } = await oauth.authorizationUrl({ scope: ['profile:read', 'storage'] });
    assert.equal(url.origin + url.pathname, `${fake.issuer}/oauth/authorize`);
    const challenge = createHash('sha256').update(codeVerifier).digest('base64url');
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: REDIRECT_URI,
      scope: 'profile:read storage',
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const again = await oauth.authorizationUrl({ scope: ['storage'] });
    assert.notEqual(again.state, state);
    assert.notEqual(again.codeVerifier, codeVerifier);
  });

  test('exchanges a valid callback with the verifier and client_secret_basic', async () => {
    const pending = await oauth.authorizationUrl({ scope: ['profile:read'] });
    const callback = `${REDIRECT_URI}?code=the-code&state=${pending.state}&iss=${encodeURIComponent(fake.issuer)}`;
    const before = Date.now();
    const tokens = await oauth.exchangeCallback(callback, pending);
    assert.match(tokens.accessToken, /^access-/);
    assert.match(tokens.refreshToken, /^refresh-/);
    assert.deepEqual(tokens.scope, ['profile:read', 'storage']);
    assert.ok(tokens.expiresAt >= before + 3600_000 && tokens.expiresAt <= Date.now() + 3600_000);
    const sent = fake.state.tokenRequests.at(-1);
    assert.equal(sent.body.get('code_verifier'), pending.codeVerifier);
    assert.equal(sent.body.get('redirect_uri'), REDIRECT_URI);
    // RFC 6749 §2.3.1: both halves are form-urlencoded before base64, so the `-` travels as %2D.
    assert.equal(sent.authorization, `Basic ${Buffer.from('client%2D1:s3cret').toString('base64')}`);
  });

  test('refuses a callback whose state or issuer does not match, without calling the token endpoint', async () => {
    const pending = await oauth.authorizationUrl({ scope: ['profile:read'] });
    const requestsBefore = fake.state.tokenRequests.length;
    const iss = encodeURIComponent(fake.issuer);
    await assert.rejects(
      oauth.exchangeCallback(`${REDIRECT_URI}?code=the-code&state=forged&iss=${iss}`, pending),
      /state/,
    );
    await assert.rejects(
      oauth.exchangeCallback(
        `${REDIRECT_URI}?code=the-code&state=${pending.state}&iss=https%3A%2F%2Fevil.example`,
        pending,
      ),
      /iss/,
    );
    await assert.rejects(
      oauth.exchangeCallback(`${REDIRECT_URI}?code=the-code&state=${pending.state}`, pending),
      /iss/,
    );
    assert.equal(fake.state.tokenRequests.length, requestsBefore);
  });

  test('reports a declined consent and a dead code as KongjianOAuthError', async () => {
    const pending = await oauth.authorizationUrl({ scope: ['profile:read'] });
    const iss = encodeURIComponent(fake.issuer);
    await assert.rejects(
      oauth.exchangeCallback(
        `${REDIRECT_URI}?error=access_denied&state=${pending.state}&iss=${iss}`,
        pending,
      ),
      (error) => error instanceof KongjianOAuthError && error.error === 'access_denied',
    );
    await assert.rejects(
      oauth.exchangeCallback(`${REDIRECT_URI}?code=stale&state=${pending.state}&iss=${iss}`, pending),
      (error) =>
        error instanceof KongjianOAuthError && error.error === 'invalid_grant' && error.status === 400,
    );
  });

  test('a public client sends its client_id and no secret', async () => {
    const publicClient = new KongjianOAuth(oauth.server, {
      clientId: 'spa',
      redirectUri: REDIRECT_URI,
      allowInsecureRequests: true,
    });
    const pending = await publicClient.authorizationUrl({ scope: ['profile:read'] });
    const iss = encodeURIComponent(fake.issuer);
    await publicClient.exchangeCallback(
      `${REDIRECT_URI}?code=the-code&state=${pending.state}&iss=${iss}`,
      pending,
    );
    const sent = fake.state.tokenRequests.at(-1);
    assert.equal(sent.authorization, undefined);
    assert.equal(sent.body.get('client_id'), 'spa');
  });
});
