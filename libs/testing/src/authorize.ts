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
