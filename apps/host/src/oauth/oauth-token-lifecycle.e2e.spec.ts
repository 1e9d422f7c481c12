import request from 'supertest';
import { SCOPES } from '../apps/scopes';
import { LIMITS } from '../common/limits';
import { DatabaseService } from '../database/database.module';
import { factory, host } from '../testing/file-host';
import { newPkcePair } from '../testing/oauth-client';
import { app, isActive, oauth, publicApp, useOAuthFlowHost, user } from './oauth-flow.e2e-setup';
import { OAuthTokensService } from './oauth-tokens.service';

describe('oauth: codes, tokens, revocation and introspection (e2e)', () => {
  useOAuthFlowHost();

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

    it('rotate once when the same refresh token is presented twice at once: one pair, then the family ends', async () => {
      const tokens = await oauth.authorizeTokens(user, app);
      const answers = await Promise.all(
        [1, 2, 3].map(() =>
          oauth.token(app, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken }),
        ),
      );
      const winners = answers.filter((answer) => answer.status === 200);
      expect(winners).toHaveLength(1);
      for (const loser of answers.filter((answer) => answer.status !== 200)) {
        expect({ status: loser.status, error: loser.body.error }).toEqual({
          status: 400,
          error: 'invalid_grant',
        });
      }
      // A copy was used: the pair the winner got is revoked with the rest of the family.
      expect(await isActive(app, winners[0].body.access_token)).toBe(false);
      expect(await isActive(app, winners[0].body.refresh_token)).toBe(false);
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
