import type { RegisteredApp } from '../apps/apps.service';
import { type Scope, scopeWords } from '../apps/scopes';
import { type Html, html, type Translate } from '../common/pages';

export interface SignInForm {
  returnTo: string;
  csrfToken: string;
  appName: string;
  username?: string;
  error?: string;
}

export function signInPage(form: SignInForm, t: Translate): Html {
  return html`<h1>${t('signIn.title')}</h1>
    <p>${t('signIn.continueTo', { app: form.appName })}</p>
    ${form.error && html`<p class="error" role="alert">${form.error}</p>`}
    <form method="post" action="/oauth/sign-in">
      <input type="hidden" name="csrf_token" value="${form.csrfToken}" />
      <input type="hidden" name="return_to" value="${form.returnTo}" />
      <label
        >${t('signIn.username')}
        <input name="username" autocomplete="username" required value="${form.username ?? ''}"
      /></label>
      <label
        >${t('signIn.password')}
        <input name="password" type="password" autocomplete="current-password" required
      /></label>
      <button type="submit">${t('signIn.submit')}</button>
    </form>`;
}

export interface ConsentForm {
  app: RegisteredApp;
  username: string;
  scopes: Scope[];
  /** What the user allowed this app before (null: never, or withdrawn since). */
  allowedBefore: Scope[] | null;
  transactionId: string;
  csrfToken: string;
}

export function consentPage(form: ConsentForm, t: Translate): Html {
  const { app } = form;
  const scopeList = (scopes: Scope[]) => {
    const items = scopes.map((scope) => {
      const words = scopeWords(scope, t.language);
      // Unticking an optional scope leaves it out of the submitted form; required ones are not inputs at all.
      return app.optionalScopes.includes(scope)
        ? html`<li>
            <label
              ><input type="checkbox" name="scope" value="${scope}" checked /> ${words}
              ${t('consent.optional')}</label
            >
          </li>`
        : html`<li>${words}</li>`;
    });
    return html`<ul>
      ${items.map((item) => html`${item} `)}
    </ul>`;
  };
  const before = form.allowedBefore;
  const fresh = before ? form.scopes.filter((scope) => !before.includes(scope)) : form.scopes;
  const again = form.scopes.filter((scope) => !fresh.includes(scope));
  // An app asking for more than the user allowed: the new asks first, what it already has apart.
  const scopes =
    before && fresh.length > 0 && again.length > 0
      ? html`<h2>${t('consent.newSince')}</h2>
          ${scopeList(fresh)}
          <h2>${t('consent.alreadyAllowed')}</h2>
          ${scopeList(again)}`
      : scopeList(form.scopes);
  return html`<div class="app">
      ${app.iconUrl && html`<img src="${app.iconUrl}" alt="" />`}
      <div>
        <h1>${app.name}</h1>
        <p>${t('consent.by', { developer: app.ownerName })}</p>
      </div>
    </div>
    <p>${t('consent.signedInAs', { username: form.username, app: app.name })}</p>
    <form method="post" action="/oauth/authorize/decision">
      <input type="hidden" name="transaction_id" value="${form.transactionId}" />
      <input type="hidden" name="csrf_token" value="${form.csrfToken}" />
      ${scopes}
      <button type="submit" name="decision" value="allow">${t('consent.allow')}</button>
      <button type="submit" name="decision" value="deny">${t('consent.deny')}</button>
    </form>`;
}
