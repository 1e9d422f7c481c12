import request from 'supertest';
import { type TestApp, type TestUser } from '../testing/factory';
import { consentFormOf, newPkcePair, OAuthTestClient } from '../testing/oauth-client';
import { factory, host, useFileHost } from '../testing/file-host';

describe('oauth: authorization, sign-in and consent pages (e2e)', () => {
  useFileHost();

  let oauth: OAuthTestClient;
  let app: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    oauth = new OAuthTestClient(host);
    app = await factory.newApp({
      name: 'Farm <Friends> & "Co"',
      optionalScopes: ['feed:write', 'storage'],
      redirectUris: ['https://app.example/callback', 'http://127.0.0.1:8400/cb', 'http://[::1]:8400/cb'],
    });
    await factory.approveApp(app);
    user = await factory.newUser();
  });

  const snapshot = async () => ({
    transactions: await host.sql('select id from oauth_transaction order by id'),
    codes: await host.sql('select id from oauth_code order by id'),
    authorizations: await host.sql(
      'select app_id, user_id, scopes, revoked_at from app_authorization order by app_id, user_id',
    ),
  });

  async function consentPage(viewer: TestUser, options: { scopes?: string[]; client?: TestApp } = {}) {
    const client = options.client ?? app;
    const params = oauth.authorizeParams(client, newPkcePair(), { scopes: options.scopes });
    const response = await oauth.authorize(viewer, params);
    expect(response.status).toBe(200);
    return { response, form: consentFormOf(response.text), params };
  }

  describe('redirect URIs', () => {
    it('never redirects to a URI that is not registered exactly, and shows an error page', async () => {
      const variants = [
        'https://app.example/callback/',
        'https://app.example/callback?extra=1',
        'https://app.example/callback#fragment',
        'https://user@app.example/callback',
        'https://app.example@evil.example/callback',
        'https://app.example:8443/callback',
        'http://app.example/callback',
        'https://APP.example/callback',
        'http://127.0.0.1:8400/cb/',
        'http://127.0.0.1:9999/other',
        'http://localhost:8400/cb',
        'https://127.0.0.1:8400/cb',
      ];
      const before = await snapshot();
      for (const redirectUri of variants) {
        const response = await oauth.authorize(
          user,
          oauth.authorizeParams(app, newPkcePair(), { redirectUri }),
        );
        expect({ redirectUri, status: response.status, location: response.headers.location }).toEqual({
          redirectUri,
          status: 400,
          location: undefined,
        });
        expect(response.headers['content-type']).toMatch(/^text\/html/);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('lets a loopback IP redirect use any port (RFC 8252)', async () => {
      for (const redirectUri of [
        'http://127.0.0.1:51234/cb',
        'http://[::1]:40000/cb',
        'http://127.0.0.1/cb',
      ]) {
        const tokens = await oauth.authorizeTokens(user, app, { redirectUri });
        expect(tokens.accessToken).toMatch(/^kja_/);
      }
    });

    it('shows an error page for an unknown client, even with a valid-looking redirect', async () => {
      const response = await oauth.authorize(user, {
        ...oauth.authorizeParams(app, newPkcePair()),
        client_id: 'kjc_nobody',
      });
      expect(response.status).toBe(400);
      expect(response.headers.location).toBeUndefined();
      expect(response.text).toContain('未知的应用');
    });

    it('redirects invalid_scope for a scope the app did not register, with state and iss', async () => {
      const narrow = await factory.newApp({ scopes: ['profile:read'] });
      await factory.approveApp(narrow);
      for (const scope of ['profile:read feed:write', 'admin', 'profile:read  storage']) {
        const params: Record<string, string> = { ...oauth.authorizeParams(narrow, newPkcePair()), scope };
        const response = await oauth.authorize(user, params);
        expect(response.status).toBe(302);
        const location = new URL(response.headers.location);
        expect(location.origin + location.pathname).toBe('https://app.example/callback');
        expect(Object.fromEntries(location.searchParams)).toMatchObject({
          error: 'invalid_scope',
          state: params.state,
          iss: host.config.publicUrl,
        });
      }
    });
  });

  describe('the consent page', () => {
    it('speaks English to a person who chose it in the web app, or whose browser prefers it', async () => {
      const viewer = await factory.newUser();
      const params = oauth.authorizeParams(app, newPkcePair());
      const query = new URLSearchParams(params).toString();
      const server = host.app.getHttpServer();
      const chosen = await request(server)
        .get(`/oauth/authorize?${query}`)
        .set('Cookie', [`kj_session=${viewer.token}`, 'kj_lang=en'])
        .set('Accept-Language', 'zh-CN');
      expect(chosen.text).toContain('<html lang="en">');
      expect(chosen.text).toContain(`by ${app.developer.username}`);
      expect(chosen.text).toContain('See your nickname, head portrait, level and VIP status');
      expect(chosen.text).toContain('Allow</button>');
      const preferred = await request(server)
        .get(`/oauth/authorize?${query}`)
        .set('Cookie', `kj_session=${viewer.token}`)
        .set('Accept-Language', 'en-GB,en;q=0.9');
      expect(preferred.text).toContain('Post stories from this app to your feed');
      expect(preferred.headers['content-language']).toBe('en');
      const visitor = await request(server).get(`/oauth/authorize?${query}`).set('Accept-Language', 'en');
      expect(visitor.text).toContain('Sign in to Kongjian');
      const unknown = await request(server)
        .get(`/oauth/authorize?${new URLSearchParams({ ...params, client_id: 'kjc_nobody' })}`)
        .set('Accept-Language', 'en');
      expect(unknown.text).toContain('Unknown app');
    });

    it('shows the app, its developer and every scope in plain words, all escaped', async () => {
      const { response } = await consentPage(await factory.newUser());
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.text).toContain('Farm &lt;Friends&gt; &amp; &quot;Co&quot;');
      expect(response.text).not.toContain('<Friends>');
      expect(response.text).toContain(`开发者：${app.developer.username}`);
      expect(response.text).toContain('查看你的昵称、头像、等级和黄钻状态');
      expect(response.text).toContain('以这个应用的名义在你的动态里发布内容');
      expect(consentFormOf(response.text).optionalScopes).toEqual(['feed:write', 'storage']);
    });

    it('grants without the scopes the user unticked', async () => {
      const viewer = await factory.newUser();
      const tokens = await oauth.authorizeTokens(viewer, app, { untick: ['storage'] });
      expect(tokens.scope).toBe('profile:read friends:read feed:write');
      const [row] = await host.sql<{ scopes: string[] }>(
        'select scopes from app_authorization where app_id = ? and user_id = ?',
        [app.id, viewer.id],
      );
      expect(row.scopes).toEqual(['profile:read', 'friends:read', 'feed:write']);
    });

    it('remembers consent, and asks again when the app wants more', async () => {
      const viewer = await factory.newUser();
      await oauth.authorizeTokens(viewer, app, { scopes: ['profile:read'] });
      const again = await oauth.authorize(
        viewer,
        oauth.authorizeParams(app, newPkcePair(), { scopes: ['profile:read'] }),
      );
      expect(again.status).toBe(302);
      expect(new URL(again.headers.location).searchParams.get('code')).toEqual(expect.any(String));
      const more = await oauth.authorize(
        viewer,
        oauth.authorizeParams(app, newPkcePair(), { scopes: ['profile:read', 'friends:read'] }),
      );
      expect(more.status).toBe(200);
      expect(more.text).toContain('查看你的好友中谁也在用这个应用');
      // What is new comes first, under its own heading; what the user already allowed is set apart.
      const page = more.text.replace(/\s+/g, ' ');
      expect(page).toMatch(
        /<h2>你上次允许之后新增的<\/h2> <ul> <li>查看你的好友中谁也在用这个应用<\/li> <\/ul> <h2>已经允许过的<\/h2> <ul> <li>查看你的昵称、头像、等级和黄钻状态<\/li> <\/ul>/,
      );
      // A first consent is one list, with nothing marked new.
      const first = await consentPage(await factory.newUser());
      expect(first.response.text).not.toContain('<h2>');
    });

    it('redirects access_denied when the user denies, and records nothing', async () => {
      const viewer = await factory.newUser();
      const { form, params } = await consentPage(viewer);
      const before = await snapshot();
      const denied = await oauth.decide(viewer, {
        transaction_id: form.transactionId,
        csrf_token: form.csrfToken,
        decision: 'deny',
      });
      expect(Object.fromEntries(new URL(denied.headers.location).searchParams)).toEqual({
        error: 'access_denied',
        state: params.state,
        iss: host.config.publicUrl,
      });
      const after = await snapshot();
      expect(after.codes).toEqual(before.codes);
      expect(after.authorizations).toEqual(before.authorizations);
    });
  });

  describe('consent CSRF', () => {
    it('refuses a decision with a missing or wrong CSRF token, from another user, or a second time', async () => {
      const viewer = await factory.newUser();
      const other = await factory.newUser();
      const { form } = await consentPage(viewer);
      const before = await snapshot();
      const attempts = [
        oauth.decide(viewer, { transaction_id: form.transactionId, decision: 'allow' }),
        oauth.decide(viewer, {
          transaction_id: form.transactionId,
          csrf_token: form.csrfToken.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
          decision: 'allow',
        }),
        oauth.decide(other, {
          transaction_id: form.transactionId,
          csrf_token: form.csrfToken,
          decision: 'allow',
        }),
        request(host.app.getHttpServer())
          .post('/oauth/authorize/decision')
          .type('form')
          .send({ transaction_id: form.transactionId, csrf_token: form.csrfToken, decision: 'allow' }),
      ];
      for (const attempt of attempts) {
        const response = await attempt;
        expect({ status: response.status, location: response.headers.location }).toEqual({
          status: 403,
          location: undefined,
        });
      }
      expect(await snapshot()).toEqual(before);

      const allowed = await oauth.decide(viewer, {
        transaction_id: form.transactionId,
        csrf_token: form.csrfToken,
        decision: 'allow',
      });
      expect(allowed.status).toBe(302);
      const afterAllow = await snapshot();
      const replayed = await oauth.decide(viewer, {
        transaction_id: form.transactionId,
        csrf_token: form.csrfToken,
        decision: 'allow',
      });
      expect(replayed.status).toBe(403);
      expect(await snapshot()).toEqual(afterAllow);
    });

    it('refuses a decision after the transaction expired', async () => {
      const viewer = await factory.newUser();
      const { form } = await consentPage(viewer);
      host.clock.advance(11 * 60 * 1000);
      const late = await oauth.decide(viewer, {
        transaction_id: form.transactionId,
        csrf_token: form.csrfToken,
        decision: 'allow',
      });
      expect(late.status).toBe(403);
    });
  });

  describe('development mode', () => {
    it('refuses strangers with access_denied and lets the developer and testers in', async () => {
      const devApp = await factory.newApp();
      const stranger = await factory.newUser();
      const tester = await factory.newUser();
      const refused = await oauth.authorize(stranger, oauth.authorizeParams(devApp, newPkcePair()));
      expect(new URL(refused.headers.location).searchParams.get('error')).toBe('access_denied');
      expect((await oauth.authorizeTokens(devApp.developer, devApp)).accessToken).toMatch(/^kja_/);
      expect(
        (
          await host.put(`/developer/apps/${devApp.id}/testers/${tester.id}`, {
            token: devApp.developer.token,
          })
        ).status,
      ).toBe(204);
      expect((await oauth.authorizeTokens(tester, devApp)).accessToken).toMatch(/^kja_/);
    });
  });

  describe('sign-in', () => {
    /** The sign-in form a visitor is shown: the page, its CSRF token and cookie, its return address. */
    async function signInForm() {
      const page = await oauth.authorize(null, oauth.authorizeParams(app, newPkcePair()));
      return {
        page,
        csrfToken: /name="csrf_token" value="([^"]+)"/.exec(page.text)![1],
        returnTo: /name="return_to" value="([^"]+)"/.exec(page.text)![1].replace(/&amp;/g, '&'),
        csrfCookie: (page.headers['set-cookie'] as unknown as string[]).map((cookie) => cookie.split(';')[0]),
      };
    }

    /** Posts the form as the visitor's browser would (with its cookie unless `withCookie` is false). */
    function postSignIn(
      form: Awaited<ReturnType<typeof signInForm>>,
      fields: { username: string; password: string; return_to?: string },
      withCookie = true,
    ) {
      const post = request(host.app.getHttpServer()).post('/oauth/sign-in');
      if (withCookie) post.set('Cookie', form.csrfCookie);
      return post.type('form').send({ csrf_token: form.csrfToken, return_to: form.returnTo, ...fields });
    }

    it('shows a sign-in form to a visitor and returns to the authorization after signing in', async () => {
      const viewer = await factory.newUser();
      const form = await signInForm();
      expect(form.page.status).toBe(200);
      expect(form.page.text).toContain('登录空间');
      const credentials = { username: viewer.username, password: factory.password };

      const forged = await postSignIn(form, credentials, false);
      expect(forged.status).toBe(403);
      expect(forged.headers['set-cookie']).toBeUndefined();

      const wrong = await postSignIn(form, { ...credentials, password: 'wrong password' });
      expect(wrong.status).toBe(401);
      expect(wrong.text).toContain('用户名或密码不对');

      const openRedirect = await postSignIn(form, { ...credentials, return_to: 'https://evil.example/' });
      expect(openRedirect.status).toBe(400);

      const signedIn = await postSignIn(form, credentials);
      expect(signedIn.status).toBe(303);
      expect(signedIn.headers.location).toBe(form.returnTo);
      const session = (signedIn.headers['set-cookie'] as unknown as string[]).find((cookie) =>
        cookie.startsWith('kj_session='),
      )!;
      const consent = await request(host.app.getHttpServer())
        .get(form.returnTo)
        .set('Cookie', session.split(';')[0]);
      expect(consent.status).toBe(200);
      expect(consentFormOf(consent.text).transactionId).toEqual(expect.any(String));
    });

    it('keeps the login throttling', async () => {
      const viewer = await factory.newUser();
      const form = await signInForm();
      let last = 0;
      for (let attempt = 0; attempt < 7; attempt++) {
        last = (await postSignIn(form, { username: viewer.username, password: 'wrong password' })).status;
      }
      expect(last).toBe(429);
    });
  });
});
