import { SCOPES } from '../apps/scopes';
import request from 'supertest';
import { LIMITS } from '../common/limits';
import { DatabaseService } from '../database/database.module';
import { TestFactory, type TestApp, type TestUser } from '../testing/factory';
import { newPkcePair, OAuthTestClient } from '../testing/oauth-client';
import { TestHost } from '../testing/test-host';
import { OAuthTokensService } from './oauth-tokens.service';

/** The query parameters of the redirect back to the app. */
function redirectParams(response: {
  status: number;
  headers: Record<string, string>;
}): Record<string, string> {
  expect(response.status).toBe(302);
  return Object.fromEntries(new URL(response.headers.location).searchParams);
}

describe('oauth: codes, tokens, revocation and introspection (e2e)', () => {
  let host: TestHost;
  let factory: TestFactory;
  let oauth: OAuthTestClient;
  let app: TestApp;
  let publicApp: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    host = await TestHost.start();
    factory = new TestFactory(host);
    oauth = new OAuthTestClient(host);
    app = await factory.newApp({ optionalScopes: ['storage'] });
    await factory.approveApp(app);
    publicApp = await factory.newApp({
      clientType: 'public',
      redirectUris: ['http://127.0.0.1:8400/callback'],
    });
    await factory.approveApp(publicApp);
    user = await factory.newUser();
  });
  afterAll(() => host.close());

  async function isActive(client: TestApp, token: string): Promise<boolean> {
    const response = await oauth.introspect(client, token);
    expect(response.status).toBe(200);
    return response.body.active as boolean;
  }

  async function freshCode(client = app) {
    const pkce = newPkcePair();
    return { pkce, code: await oauth.obtainCode(user, client, pkce) };
  }

  function exchange(code: string, verifier: string, client = app) {
    return oauth.token(client, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: client.redirectUris[0],
      code_verifier: verifier,
    });
  }

  describe('the token endpoint', () => {
    it('answers a code exchange with a no-store Bearer token pair and the openid', async () => {
      const { pkce, code } = await freshCode();
      const response = await exchange(code, pkce.verifier);
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers.pragma).toBe('no-cache');
      expect(response.body).toEqual({
        access_token: expect.stringMatching(/^kja_[\w-]{43}$/),
        refresh_token: expect.stringMatching(/^kjr_[\w-]{43}$/),
        token_type: 'Bearer',
        expires_in: LIMITS.oauthAccessTokenTtlSeconds,
        scope: 'profile:read friends:read feed:write storage',
        openid: expect.any(String),
      });
      const [stored] = await host.sql<{ n: number }>(
        'select count(*)::int as n from oauth_token where token_hash = ?',
        [response.body.access_token],
      );
      expect(stored.n).toBe(0);
    });

    it('lets a public client exchange with its client_id alone', async () => {
      const tokens = await oauth.authorizeTokens(user, publicApp);
      expect(await isActive(publicApp, tokens.accessToken)).toBe(true);
    });

    it('refuses wrong client credentials with 401 invalid_client and a Basic challenge', async () => {
      const { pkce, code } = await freshCode();
      const wrong = await exchange(code, pkce.verifier, { ...app, clientSecret: 'kjs_wrong' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error).toBe('invalid_client');
      expect(wrong.headers['www-authenticate']).toMatch(/^Basic /);
      const missing = await oauth.token(
        { clientId: app.clientId, clientSecret: null },
        { grant_type: 'authorization_code', code },
      );
      expect(missing.status).toBe(401);
      expect(missing.body.error).toBe('invalid_client');
      expect(missing.headers['www-authenticate']).toBeUndefined();
      // The refused attempts did not burn the code.
      expect((await exchange(code, pkce.verifier)).status).toBe(200);
    });

    it('accepts client_secret_post', async () => {
      const { pkce, code } = await freshCode();
      const posted = await request(host.app.getHttpServer()).post('/oauth/token').type('form').send({
        grant_type: 'authorization_code',
        code,
        redirect_uri: app.redirectUris[0],
        code_verifier: pkce.verifier,
        client_id: app.clientId,
        client_secret: app.clientSecret!,
      });
      expect(posted.status).toBe(200);
    });

    it('has no password, client credentials or implicit grant', async () => {
      for (const grantType of [
        'password',
        'client_credentials',
        'urn:ietf:params:oauth:grant-type:device_code',
      ]) {
        const response = await oauth.token(app, {
          grant_type: grantType,
          username: user.username,
          password: factory.password,
        });
        expect({ status: response.status, error: response.body.error }).toEqual({
          status: 400,
          error: 'unsupported_grant_type',
        });
      }
      // Without grant_type, the description states the rule (oauth2orize's own says "…: undefined").
      const missing = await oauth.token(app, { code: 'x' });
      expect(missing.body).toEqual({
        error: 'unsupported_grant_type',
        error_description: 'grant_type must be authorization_code or refresh_token',
      });
      const implicit = await oauth.authorize(user, {
        ...oauth.authorizeParams(app, newPkcePair()),
        response_type: 'token',
      });
      expect(implicit.status).toBe(400);
      expect(implicit.headers.location).toBeUndefined();
      expect(implicit.text).toContain('Unsupported response type');
    });
  });

  describe('PKCE', () => {
    it('redirects with invalid_request when the challenge is missing or plain, and issues no code', async () => {
      const pkce = newPkcePair();
      const before = await host.sql('select id from oauth_code');
      for (const changes of [
        { code_challenge: undefined, code_challenge_method: undefined },
        { code_challenge_method: undefined },
        { code_challenge: pkce.verifier, code_challenge_method: 'plain' },
      ]) {
        const params: Record<string, string | undefined> = {
          ...oauth.authorizeParams(app, pkce),
          ...changes,
        };
        const response = await oauth.authorize(user, params);
        expect(redirectParams(response)).toMatchObject({
          error: 'invalid_request',
          state: params.state,
          iss: host.config.publicUrl,
        });
      }
      expect(await host.sql('select id from oauth_code')).toEqual(before);
    });

    it('refuses a wrong or missing verifier with invalid_grant and burns the code', async () => {
      for (const verifier of [newPkcePair().verifier, undefined, 'short']) {
        const { pkce, code } = await freshCode();
        const refused = await oauth.token(app, {
          grant_type: 'authorization_code',
          code,
          redirect_uri: app.redirectUris[0],
          code_verifier: verifier,
        });
        expect({ status: refused.status, error: refused.body.error }).toEqual({
          status: 400,
          error: 'invalid_grant',
        });
        const retried = await exchange(code, pkce.verifier);
        expect(retried.body.error).toBe('invalid_grant');
      }
    });

    it('never stores a code without a challenge, so a verifier cannot stand in for one', async () => {
      const params = {
        ...oauth.authorizeParams(app, newPkcePair()),
        code_challenge: undefined,
        code_challenge_method: undefined,
      };
      expect(redirectParams(await oauth.authorize(user, params)).code).toBeUndefined();
      const [row] = await host.sql<{ n: number }>(
        "select count(*)::int as n from oauth_code where code_challenge = ''",
      );
      expect(row.n).toBe(0);
    });
  });

  describe('codes', () => {
    it('refuses a replayed code and revokes the tokens it issued', async () => {
      const { pkce, code } = await freshCode();
      const first = await exchange(code, pkce.verifier);
      expect(first.status).toBe(200);
      expect(await isActive(app, first.body.access_token)).toBe(true);
      const replay = await exchange(code, pkce.verifier);
      expect({ status: replay.status, error: replay.body.error }).toEqual({
        status: 400,
        error: 'invalid_grant',
      });
      expect(await isActive(app, first.body.access_token)).toBe(false);
      expect(await isActive(app, first.body.refresh_token)).toBe(false);
      const refreshed = await oauth.token(app, {
        grant_type: 'refresh_token',
        refresh_token: first.body.refresh_token,
      });
      expect(refreshed.body.error).toBe('invalid_grant');
    });

    it('lets exactly one of ten racing exchanges win, and revokes its tokens', async () => {
      const { pkce, code } = await freshCode();
      const responses = await Promise.all(Array.from({ length: 10 }, () => exchange(code, pkce.verifier)));
      const winners = responses.filter((response) => response.status === 200);
      expect(winners).toHaveLength(1);
      expect(responses.filter((response) => response.body.error === 'invalid_grant')).toHaveLength(9);
      expect(await isActive(app, winners[0].body.access_token)).toBe(false);
    });

    it('expires a code after a minute', async () => {
      const { pkce, code } = await freshCode();
      host.clock.advance((LIMITS.oauthCodeTtlSeconds + 1) * 1000);
      const late = await exchange(code, pkce.verifier);
      expect(late.body.error).toBe('invalid_grant');
    });

    it('binds the code to its client and redirect URI', async () => {
      const { pkce, code } = await freshCode();
      const otherClient = await oauth.token(publicApp, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: app.redirectUris[0],
        code_verifier: pkce.verifier,
      });
      expect(otherClient.body.error).toBe('invalid_grant');

      const second = await freshCode();
      const noRedirect = await oauth.token(app, {
        grant_type: 'authorization_code',
        code: second.code,
        code_verifier: second.pkce.verifier,
      });
      expect(noRedirect.body.error).toBe('invalid_grant');
    });
  });

  describe('refresh tokens', () => {
    it('rotate: each refresh returns a new pair, and reusing an old one revokes the whole family', async () => {
      const tokens = await oauth.authorizeTokens(user, app);
      const first = await oauth.token(app, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
      });
      expect(first.status).toBe(200);
      expect(first.headers['cache-control']).toBe('no-store');
      expect(first.body.refresh_token).not.toBe(tokens.refreshToken);
      const second = await oauth.token(app, {
        grant_type: 'refresh_token',
        refresh_token: first.body.refresh_token,
      });
      expect(second.status).toBe(200);
      expect(await isActive(app, second.body.access_token)).toBe(true);

      const reuse = await oauth.token(app, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
      });
      expect({ status: reuse.status, error: reuse.body.error }).toEqual({
        status: 400,
        error: 'invalid_grant',
      });
      for (const token of [
        tokens.accessToken,
        first.body.access_token,
        second.body.access_token,
        second.body.refresh_token,
      ]) {
        expect(await isActive(app, token)).toBe(false);
      }
    });

    it('may narrow the scope but not widen it', async () => {
      const tokens = await oauth.authorizeTokens(user, app, { scopes: ['profile:read', 'friends:read'] });
      const widened = await oauth.token(app, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
        scope: 'profile:read feed:write',
      });
      expect({ status: widened.status, error: widened.body.error }).toEqual({
        status: 400,
        error: 'invalid_scope',
      });
      // The refusal did not use up the refresh token.
      const narrowed = await oauth.token(app, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
        scope: 'profile:read',
      });
      expect(narrowed.status).toBe(200);
      expect(narrowed.body.scope).toBe('profile:read');
      const again = await oauth.token(app, {
        grant_type: 'refresh_token',
        refresh_token: narrowed.body.refresh_token,
      });
      expect(again.body.scope).toBe('profile:read friends:read');
    });
  });

  describe('access tokens', () => {
    it('are verified for the Open API with the user, openid and the scopes still granted', async () => {
      const tokens = await oauth.authorizeTokens(user, app);
      const verify = (token: string) =>
        host.app
          .get(DatabaseService)
          .withContext(() => host.app.get(OAuthTokensService).verifyAccessToken(token));
      expect(await verify(tokens.accessToken)).toEqual({
        tokenId: expect.any(String),
        appId: app.id,
        clientId: app.clientId,
        userId: user.id,
        openid: tokens.openid,
        builtIn: false,
        scopes: ['profile:read', 'friends:read', 'feed:write', 'storage'],
        expiresAt: expect.any(Date),
      });
      expect(await verify(tokens.refreshToken)).toBeNull();
      expect(await verify('kja_unknown')).toBeNull();
    });

    it('expire after an hour', async () => {
      const tokens = await oauth.authorizeTokens(user, app);
      host.clock.advance((LIMITS.oauthAccessTokenTtlSeconds - 5) * 1000);
      expect(await isActive(app, tokens.accessToken)).toBe(true);
      host.clock.advance(10_000);
      expect(await isActive(app, tokens.accessToken)).toBe(false);
      const refreshed = await oauth.token(app, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
      });
      expect(refreshed.status).toBe(200);
    });

    it('stop working at once when the app is suspended, and work again when reinstated', async () => {
      const suspendable = await factory.newApp();
      await factory.approveApp(suspendable);
      const tokens = await oauth.authorizeTokens(user, suspendable);
      const admin = await factory.admin();
      expect(
        (
          await host.post(`/admin/apps/${suspendable.id}/suspend`, {
            token: admin.token,
            body: { reason: 'spam' },
          })
        ).status,
      ).toBe(200);
      expect(await isActive(suspendable, tokens.accessToken)).toBe(false);
      const refreshed = await oauth.token(suspendable, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
      });
      expect(refreshed.status).toBe(400);
      const page = await oauth.authorize(user, oauth.authorizeParams(suspendable, newPkcePair()));
      expect(page.status).toBe(403);
      expect(page.headers.location).toBeUndefined();
      expect(
        (await host.post(`/admin/apps/${suspendable.id}/reinstate`, { token: admin.token, body: {} })).status,
      ).toBe(200);
      expect(await isActive(suspendable, tokens.accessToken)).toBe(true);
    });

    it('die when the user withdraws consent', async () => {
      const revocable = await factory.newApp();
      await factory.approveApp(revocable);
      const tokens = await oauth.authorizeTokens(user, revocable);
      expect((await host.delete(`/me/authorized-apps/${revocable.id}`, { token: user.token })).status).toBe(
        204,
      );
      expect(await isActive(revocable, tokens.accessToken)).toBe(false);
      const refreshed = await oauth.token(revocable, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
      });
      expect(refreshed.body.error).toBe('invalid_grant');
      const [grant] = await host.sql<{ revoked: boolean }>(
        'select revoked_at is not null as revoked from oauth_grant where app_id = ?',
        [revocable.id],
      );
      expect(grant.revoked).toBe(true);
    });
  });

  describe('revocation (RFC 7009)', () => {
    it('revokes an access token alone, and a refresh token with its family', async () => {
      const tokens = await oauth.authorizeTokens(user, app);
      const revoked = await oauth.revoke(app, tokens.accessToken, 'access_token');
      expect(revoked.status).toBe(200);
      expect(await isActive(app, tokens.accessToken)).toBe(false);
      expect(await isActive(app, tokens.refreshToken)).toBe(true);

      const refreshed = await oauth.token(app, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
      });
      expect((await oauth.revoke(app, refreshed.body.refresh_token)).status).toBe(200);
      expect(await isActive(app, refreshed.body.access_token)).toBe(false);
      expect(await isActive(app, refreshed.body.refresh_token)).toBe(false);
    });

    it('answers 200 for unknown tokens and leaves other clients’ tokens alone', async () => {
      expect((await oauth.revoke(app, 'kja_nothing')).status).toBe(200);
      const tokens = await oauth.authorizeTokens(user, publicApp);
      expect((await oauth.revoke(app, tokens.accessToken)).status).toBe(200);
      expect(await isActive(publicApp, tokens.accessToken)).toBe(true);
    });

    it('requires client authentication and a token', async () => {
      const tokens = await oauth.authorizeTokens(user, app);
      const wrong = await oauth.revoke({ ...app, clientSecret: 'kjs_wrong' }, tokens.accessToken);
      expect(wrong.status).toBe(401);
      expect(await isActive(app, tokens.accessToken)).toBe(true);
      const missing = await oauth.revoke(app, '');
      expect(missing.body.error).toBe('invalid_request');
    });
  });

  describe('introspection (RFC 7662)', () => {
    it('describes an active token and says only {"active":false} for anything else', async () => {
      const tokens = await oauth.authorizeTokens(user, app, { scopes: ['profile:read'] });
      const active = await oauth.introspect(app, tokens.accessToken);
      expect(active.headers['cache-control']).toBe('no-store');
      expect(active.body).toEqual({
        active: true,
        scope: 'profile:read',
        client_id: app.clientId,
        token_type: 'Bearer',
        exp: expect.any(Number),
        iat: expect.any(Number),
        sub: tokens.openid,
        iss: host.config.publicUrl,
      });
      for (const token of ['kja_unknown', 'garbage', tokens.accessToken.slice(0, -1)]) {
        const inactive = await oauth.introspect(app, token);
        expect(inactive.text).toBe('{"active":false}');
      }
      // Another client cannot learn about this client's tokens.
      expect((await oauth.introspect(publicApp, tokens.accessToken)).text).toBe('{"active":false}');
      const unauthenticated = await oauth.introspect(
        { clientId: app.clientId, clientSecret: 'kjs_wrong' },
        tokens.accessToken,
      );
      expect(unauthenticated.status).toBe(401);
    });
  });

  describe('metadata (RFC 8414)', () => {
    it('lists the endpoints, S256 only, the grants and the scopes', async () => {
      const response = await request(host.app.getHttpServer()).get('/.well-known/oauth-authorization-server');
      expect(response.status).toBe(200);
      const issuer = host.config.publicUrl;
      expect(response.body).toEqual({
        issuer,
        authorization_endpoint: `${issuer}/oauth/authorize`,
        token_endpoint: `${issuer}/oauth/token`,
        revocation_endpoint: `${issuer}/oauth/revoke`,
        introspection_endpoint: `${issuer}/oauth/introspect`,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        scopes_supported: SCOPES,
        response_types_supported: ['code'],
        response_modes_supported: ['query'],
        grant_types_supported: ['authorization_code', 'refresh_token'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
        revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
        introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
        authorization_response_iss_parameter_supported: true,
      });
    });
  });
});
