import request from 'supertest';
import { expectProblem } from '../testing/expect-problem';
import { TestFactory, type TestApp, type TestUser } from '../testing/factory';
import { newPkcePair, OAuthTestClient } from '../testing/oauth-client';
import { TestHost } from '../testing/test-host';

/** What a suspension does to a user everywhere else: apps, tokens and the OAuth pages. */
describe('a suspended user (e2e)', () => {
  let host: TestHost;
  let factory: TestFactory;
  let oauth: OAuthTestClient;
  let admin: TestUser;
  let app: TestApp;

  beforeAll(async () => {
    host = await TestHost.start();
    factory = new TestFactory(host);
    oauth = new OAuthTestClient(host);
    admin = await factory.admin();
    app = await factory.newApp();
    await factory.approveApp(app);
  });
  afterAll(() => host.close());

  const setSuspended = async (user: TestUser, suspended: boolean) => {
    const response = await host.post(`/admin/users/${user.id}/${suspended ? 'suspend' : 'unsuspend'}`, {
      token: admin.token,
      body: suspended ? { reason: 'Spam' } : {},
    });
    expect(response.status).toBe(200);
  };

  describe('apps', () => {
    it('stops every token at once, with a clear code, and they work again when it is lifted', async () => {
      const user = await factory.newUser();
      const tokens = await oauth.authorizeTokens(user, app);
      const me = () => host.get('/open/v1/me', { token: tokens.accessToken });
      expect((await me()).status).toBe(200);
      const pkce = newPkcePair();
      const code = await oauth.obtainCode(user, app, pkce);

      await setSuspended(user, true);
      const refused = await me();
      expectProblem(refused, 401, 'account_suspended');
      expect(refused.headers['www-authenticate']).toContain('error="invalid_token"');
      const refresh = await oauth.token(app, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
      });
      expect({ status: refresh.status, body: refresh.body }).toEqual({
        status: 400,
        body: { error: 'invalid_grant', error_description: "The user's account is suspended" },
      });
      const exchange = await oauth.token(app, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: app.redirectUris[0],
        code_verifier: pkce.verifier,
      });
      expect(exchange.body).toMatchObject({ error: 'invalid_grant' });
      for (const token of [tokens.accessToken, tokens.refreshToken]) {
        expect((await oauth.introspect(app, token)).body).toEqual({ active: false });
      }

      // Suspension revokes nothing: the same tokens work again once it is lifted.
      await setSuspended(user, false);
      expect((await me()).status).toBe(200);
      const refreshed = await oauth.token(app, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
      });
      expect(refreshed.status).toBe(200);
    });

    it("tells the OAuth sign-in page's visitor that the account is suspended", async () => {
      const user = await factory.newUser();
      await setSuspended(user, true);
      const page = await oauth.authorize(null, oauth.authorizeParams(app, newPkcePair()));
      expect(page.status).toBe(200);
      const field = (name: string) =>
        new RegExp(`name="${name}" value="([^"]+)"`).exec(page.text)![1].replace(/&amp;/g, '&');
      const cookies = (page.headers['set-cookie'] as unknown as string[]).map(
        (cookie) => cookie.split(';')[0],
      );
      const signIn = await request(host.app.getHttpServer())
        .post('/oauth/sign-in')
        .set('Cookie', cookies)
        .type('form')
        .send({
          username: user.username,
          password: factory.password,
          csrf_token: field('csrf_token'),
          return_to: field('return_to'),
        });
      expect(signIn.status).toBe(403);
      expect(signIn.text).toContain('这个账号已被冻结');
      expect(signIn.headers['set-cookie'] ?? []).not.toContainEqual(expect.stringMatching(/^kj_session=/));
    });
  });
});
