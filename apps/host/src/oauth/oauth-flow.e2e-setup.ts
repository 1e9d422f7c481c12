import type { TestApp, TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';
import { newPkcePair, OAuthTestClient } from '../testing/oauth-client';

/* What the OAuth flow e2e specs share: a confidential and a public client, a user, and steps of the flow. */

/** The query parameters of the redirect back to the app. */
export function redirectParams(response: {
  status: number;
  headers: Record<string, string>;
}): Record<string, string> {
  expect(response.status).toBe(302);
  return Object.fromEntries(new URL(response.headers.location).searchParams);
}

export let oauth: OAuthTestClient;
export let app: TestApp;
export let publicApp: TestApp;
export let user: TestUser;

/** Starts the file's host with an approved confidential app (one optional scope), a public one, and a user. */
export function useOAuthFlowHost(): void {
  useFileHost();
  beforeAll(async () => {
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
}

export async function isActive(client: TestApp, token: string): Promise<boolean> {
  const response = await oauth.introspect(client, token);
  expect(response.status).toBe(200);
  return response.body.active as boolean;
}

export async function freshCode(client = app) {
  const pkce = newPkcePair();
  return { pkce, code: await oauth.obtainCode(user, client, pkce) };
}

export function exchange(code: string, verifier: string, client = app) {
  return oauth.token(client, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: client.redirectUris[0],
    code_verifier: verifier,
  });
}
