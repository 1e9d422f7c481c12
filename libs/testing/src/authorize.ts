import { createHash, randomBytes } from 'node:crypto';
import { FormBrowser, parseForms, type Page } from './browser.js';

export interface Credentials {
  username: string;
  password: string;
}

/** Pages a sign-in and consent walk may pass through before it must have reached the app. */
const MAX_PAGES = 6;

/**
 * Walks a user through Kongjian's authorization pages the way a person would: starting at `startUrl`
 * (Kongjian's `/oauth/authorize?...`, or an app's login route that redirects there), it signs in with
 * `credentials` on the sign-in page and presses "allow" on the consent page (leaving every scope ticked
 * unless `uncheckScopes` says otherwise). It returns the first page that is neither, or the redirect it
 * stopped before, when `stopBefore` is given (e.g. an app's redirect URI with no server behind it).
 */
export async function signInAndConsent(
  browser: FormBrowser,
  startUrl: string | URL,
  credentials: Credentials,
  options: { stopBefore?: (url: URL) => boolean; uncheckScopes?: string[]; deny?: boolean } = {},
): Promise<Page> {
  let page = await browser.open(startUrl, {}, options.stopBefore);
  for (let step = 0; step < MAX_PAGES && !page.stoppedAt; step++) {
    const forms = parseForms(page);
    const signIn = forms.find((form) => form.fields.some((field) => field.type === 'password'));
    if (signIn) {
      const username = signIn.fields.find((field) => field.type === 'text' || field.type === 'email')?.name;
      const password = signIn.fields.find((field) => field.type === 'password')!.name;
      page = await browser.submit(
        signIn,
        { values: { [username ?? 'username']: credentials.username, [password]: credentials.password } },
        options.stopBefore,
      );
      continue;
    }
    const consent = forms.find(
      (form) => form.method === 'POST' && /\/oauth\/authorize/.test(form.action.pathname),
    );
    if (!consent) return page;
    page = await browser.submit(
      consent,
      {
        uncheck: options.uncheckScopes,
        press: options.deny ? /deny|cancel|decline/i : /allow|approve|accept|authori[sz]e/i,
      },
      options.stopBefore,
    );
  }
  return page;
}

/**
 * An access token of `app` for `user`, the way an app's server gets one: an authorization request with
 * PKCE, the user's walk through sign-in and consent, and the code exchanged at the token endpoint with
 * the app's credentials. `redirectUri` must be one the app registered; nothing needs to listen there.
 */
export async function authorizeApp(
  baseUrl: string,
  app: { clientId: string; clientSecret?: string },
  user: Credentials,
  { scopes, redirectUri }: { scopes: string[]; redirectUri: string },
): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const authorize = new URL('/oauth/authorize', baseUrl);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: app.clientId,
    redirect_uri: redirectUri,
    scope: scopes.join(' '),
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const page = await signInAndConsent(new FormBrowser(), authorize, user, {
    stopBefore: (url) => url.href.startsWith(redirectUri),
  });
  const callback = page.stoppedAt;
  if (!callback || callback.searchParams.get('state') !== state || !callback.searchParams.get('code')) {
    throw new Error(`the authorization did not come back with a code: ${callback?.href ?? page.url}`);
  }
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: callback.searchParams.get('code')!,
    redirect_uri: redirectUri,
    code_verifier: verifier,
    client_id: app.clientId,
  });
  if (app.clientSecret) body.set('client_secret', app.clientSecret);
  const response = await fetch(new URL('/oauth/token', baseUrl), { method: 'POST', body });
  const answer = (await response.json()) as { access_token?: string };
  if (!response.ok || !answer.access_token) {
    throw new Error(`the token endpoint answered ${response.status}: ${JSON.stringify(answer)}`);
  }
  return answer.access_token;
}
