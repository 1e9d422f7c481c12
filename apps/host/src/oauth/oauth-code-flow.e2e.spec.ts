import request from 'supertest';
import { LIMITS } from '../common/limits';
import { factory, host } from '../testing/file-host';
import { newPkcePair } from '../testing/oauth-client';
import {
  app,
  exchange,
  freshCode,
  isActive,
  oauth,
  publicApp,
  redirectParams,
  useOAuthFlowHost,
  user,
} from './oauth-flow.e2e-setup';

describe('oauth: codes, tokens, revocation and introspection (e2e)', () => {
  useOAuthFlowHost();

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
});
