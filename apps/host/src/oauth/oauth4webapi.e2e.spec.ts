import { createServer } from 'node:net';
import type * as OAuth from 'oauth4webapi';
import { TestFactory, type TestApp, type TestUser } from '../testing/factory';
import { consentFormOf } from '../testing/oauth-client';
import { TestHost } from '../testing/test-host';

/** A port free right now, so the host's issuer URL can be known before it listens. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * oauth4webapi as an independent, strict client: if the server strays from the RFCs (discovery,
 * PKCE, RFC 9207 `iss`, token response shape, revocation, introspection) this suite fails.
 */
describe('oauth: driven by oauth4webapi (e2e)', () => {
  let oauth: typeof OAuth;
  let host: TestHost;
  let factory: TestFactory;
  let issuer: URL;
  let as: OAuth.AuthorizationServer;
  let app: TestApp;
  let user: TestUser;
  const redirectUri = 'http://127.0.0.1:8765/callback';
  const insecure = () => ({ [oauth.allowInsecureRequests]: true });

  beforeAll(async () => {
    // oauth4webapi is ESM only, and swc turns `import()` into `require()`; an evaluated import() stays a
    // real one, which Jest serves because it runs with --experimental-vm-modules.
    oauth = (await eval("import('oauth4webapi')")) as typeof OAuth;
    const port = await freePort();
    host = await TestHost.start({ publicUrl: `http://127.0.0.1:${port}` });
    issuer = new URL(await host.listen(port));
    factory = new TestFactory(host);
    app = await factory.newApp({ redirectUris: [redirectUri] });
    await factory.approveApp(app);
    user = await factory.newUser();
    const discovery = await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure() });
    as = await oauth.processDiscoveryResponse(issuer, discovery);
  });
  afterAll(() => host.close());

  const client = () => ({ client_id: app.clientId });
  const clientAuth = () => oauth.ClientSecretBasic(app.clientSecret!);

  /** The browser's part: open the authorization URL signed in, allow on the consent page, land on the callback. */
  async function browse(authorizationUrl: URL): Promise<URL> {
    const cookie = `kj_session=${user.token}`;
    const page = await fetch(authorizationUrl, { headers: { cookie }, redirect: 'manual' });
    const html = await page.text();
    let location = page.headers.get('location');
    if (page.status === 200) {
      const form = consentFormOf(html);
      const decided = await fetch(new URL('/oauth/authorize/decision', issuer), {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          transaction_id: form.transactionId,
          csrf_token: form.csrfToken,
          decision: 'allow',
        }),
        redirect: 'manual',
      });
      location = decided.headers.get('location');
    }
    if (!location) throw new Error(`no redirect: ${html}`);
    return new URL(location);
  }

  async function codeFlow() {
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const url = new URL(as.authorization_endpoint!);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: app.clientId,
      redirect_uri: redirectUri,
      scope: 'profile:read friends:read',
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    }).toString();
    const callback = await browse(url);
    const params = oauth.validateAuthResponse(as, client(), callback, state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client(),
      clientAuth(),
      params,
      redirectUri,
      verifier,
      insecure(),
    );
    return oauth.processAuthorizationCodeResponse(as, client(), response);
  }

  it('discovers the server metadata', () => {
    expect(as.issuer).toBe(issuer.href.replace(/\/$/, ''));
    expect(as.code_challenge_methods_supported).toEqual(['S256']);
    expect(as.authorization_response_iss_parameter_supported).toBe(true);
  });

  it('completes the PKCE code flow, validating iss in the authorization response', async () => {
    const tokens = await codeFlow();
    expect(tokens.token_type).toBe('bearer');
    expect(tokens.scope).toBe('profile:read friends:read');
    expect(tokens.expires_in).toBe(3600);
    expect(tokens.refresh_token).toEqual(expect.any(String));
  });

  it('rotates refresh tokens and detects reuse', async () => {
    const tokens = await codeFlow();
    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      client(),
      await oauth.refreshTokenGrantRequest(as, client(), clientAuth(), tokens.refresh_token!, insecure()),
    );
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    const reuse = oauth.processRefreshTokenResponse(
      as,
      client(),
      await oauth.refreshTokenGrantRequest(as, client(), clientAuth(), tokens.refresh_token!, insecure()),
    );
    await expect(reuse).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('introspects and revokes', async () => {
    const tokens = await codeFlow();
    const introspect = async (token: string) =>
      oauth.processIntrospectionResponse(
        as,
        client(),
        await oauth.introspectionRequest(as, client(), clientAuth(), token, insecure()),
      );
    expect(await introspect(tokens.access_token)).toMatchObject({
      active: true,
      client_id: app.clientId,
      scope: 'profile:read friends:read',
    });
    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, client(), clientAuth(), tokens.refresh_token!, insecure()),
    );
    expect(await introspect(tokens.access_token)).toEqual({ active: false });
    expect(await introspect(tokens.refresh_token!)).toEqual({ active: false });
  });
});
