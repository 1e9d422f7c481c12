import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import type { TestApp, TestUser } from './factory';
import type { TestHost } from './test-host';

export interface PkcePair {
  verifier: string;
  challenge: string;
}

export interface AuthorizedTokens {
  accessToken: string;
  refreshToken: string;
  /** Space-separated, as the token endpoint returned it. */
  scope: string;
  openid?: string;
}

export interface AuthorizeOptions {
  /** Scopes to ask for; the app's registered scopes when left out. */
  scopes?: string[];
  redirectUri?: string;
  /** Optional scopes the user unticks on the consent page. */
  untick?: string[];
}

/** An app's credentials as the token endpoint wants them. */
export type ClientCredentials = Pick<TestApp, 'clientId' | 'clientSecret'>;

export function newPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The hidden fields and optional-scope boxes of a consent page. */
export function consentFormOf(html: string): {
  transactionId: string;
  csrfToken: string;
  optionalScopes: string[];
} {
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  const transactionId = field('transaction_id');
  const csrfToken = field('csrf_token');
  if (!transactionId || !csrfToken) throw new Error(`Not a consent page:\n${html}`);
  const optionalScopes = [...html.matchAll(/name="scope" value="([^"]*)"/g)].map((match) => match[1]);
  return { transactionId, csrfToken, optionalScopes };
}

/**
 * Drives the real OAuth flow over HTTP, as a browser and a client app would: the user (signed in by
 * their session cookie) opens the authorization URL, allows on the consent page, and the app exchanges
 * the code with PKCE. OAuth routes are outside host.json, so this uses supertest directly.
 */
export class OAuthTestClient {
  constructor(private readonly host: TestHost) {}

  private get http() {
    return request(this.host.app.getHttpServer());
  }

  /** GET /oauth/authorize as `user`; the raw response (a consent page, a redirect or an error page). */
  async authorize(user: TestUser | null, params: Record<string, string | undefined>) {
    const query = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
    const pending = this.http.get('/oauth/authorize').query(query);
    return user ? pending.set('Cookie', `kj_session=${user.token}`) : pending;
  }

  /** The standard parameters of a code request with PKCE. */
  authorizeParams(app: TestApp, pkce: PkcePair, options: AuthorizeOptions = {}): Record<string, string> {
    return {
      response_type: 'code',
      client_id: app.clientId,
      redirect_uri: options.redirectUri ?? app.redirectUris[0],
      scope: (options.scopes ?? app.scopes).join(' '),
      state: randomBytes(8).toString('hex'),
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    };
  }

  /** POSTs the consent form as `user`. */
  async decide(user: TestUser, form: Record<string, string | string[]>) {
    return this.http
      .post('/oauth/authorize/decision')
      .type('form')
      .set('Cookie', `kj_session=${user.token}`)
      .send(form);
  }

  /** POST /oauth/token with the client's credentials (Basic for a confidential client). */
  async token(client: ClientCredentials, form: Record<string, string | undefined>) {
    return this.post('/oauth/token', client, form);
  }

  async revoke(client: ClientCredentials, token: string, hint?: string) {
    return this.post('/oauth/revoke', client, { token, token_type_hint: hint });
  }

  async introspect(client: ClientCredentials, token: string) {
    return this.post('/oauth/introspect', client, { token });
  }

  private async post(path: string, client: ClientCredentials, form: Record<string, string | undefined>) {
    const body = Object.fromEntries(Object.entries(form).filter(([, value]) => value !== undefined));
    let pending = this.http.post(path).type('form');
    if (client.clientSecret) pending = pending.auth(client.clientId, client.clientSecret);
    else body.client_id = client.clientId;
    return pending.send(body);
  }

  /** Authorizes up to the redirect back to the app; returns the code (consenting on the page if one is shown). */
  async obtainCode(
    user: TestUser,
    app: TestApp,
    pkce: PkcePair,
    options: AuthorizeOptions = {},
  ): Promise<string> {
    const params = this.authorizeParams(app, pkce, options);
    let response = await this.authorize(user, params);
    if (response.status === 200) {
      const form = consentFormOf(response.text);
      const untick = new Set(options.untick ?? []);
      response = await this.decide(user, {
        transaction_id: form.transactionId,
        csrf_token: form.csrfToken,
        scope: form.optionalScopes.filter((scope) => !untick.has(scope)),
        decision: 'allow',
      });
    }
    if (response.status !== 302)
      throw new Error(`authorization failed (${response.status}): ${response.text}`);
    const location = new URL(response.headers.location as string);
    const code = location.searchParams.get('code');
    if (!code || location.searchParams.get('state') !== params.state) {
      throw new Error(`authorization was refused: ${location.toString()}`);
    }
    return code;
  }

  /** The whole flow: consent, code, token exchange. */
  async authorizeTokens(
    user: TestUser,
    app: TestApp,
    options: AuthorizeOptions = {},
  ): Promise<AuthorizedTokens> {
    const pkce = newPkcePair();
    const code = await this.obtainCode(user, app, pkce, options);
    const response = await this.token(app, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: options.redirectUri ?? app.redirectUris[0],
      code_verifier: pkce.verifier,
    });
    if (response.status !== 200)
      throw new Error(`token exchange failed (${response.status}): ${response.text}`);
    const body = response.body as {
      access_token: string;
      refresh_token: string;
      scope: string;
      openid?: string;
    };
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      scope: body.scope,
      openid: body.openid,
    };
  }
}
