import { HttpStatus, type Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { RegisteredApp } from '../apps/apps.service';
import type { Scope } from '../apps/scopes';
import { pageLanguage, type PageParams, type PageTextKey, type Translate, translator } from './page-text';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every value put into a page goes through this: app names and URLs are chosen by strangers. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

function layout(t: Translate, title: string, body: string): string {
  return `<!doctype html>
<html lang="${t.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(t('header'))}</title>
<style>
body { margin: 0; font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif; color: #1f1f1f; background: #eef4fb; }
header { background: linear-gradient(90deg, #0d47a1, #1565c0); color: #fff; padding: 0 16px; height: 56px; display: flex; align-items: center; font-size: 20px; font-weight: 600; }
main { max-width: 26rem; margin: 3rem auto; padding: 1.5rem; background: #fff; border-radius: 10px; }
h1 { font-size: 1.5rem; margin-top: 0; }
h2 { font-size: 1rem; margin: 16px 0 4px; }
.app { display: flex; gap: 0.75rem; align-items: center; }
.app img { width: 48px; height: 48px; border-radius: 8px; }
label { display: block; margin: 0.75rem 0; }
input:not([type]), input[type=password], input[type=text] { display: block; width: 100%; box-sizing: border-box; margin-top: 0.25rem; padding: 0.45rem 0.6rem; border: 1px solid #d0d7e2; border-radius: 8px; font: inherit; }
.error { color: #b00020; }
button { margin: 0.5rem 0.5rem 0 0; padding: 0.45rem 1.2rem; border-radius: 8px; border: 1px solid #1565c0; background: #fff; color: #1565c0; font: inherit; cursor: pointer; }
button[type=submit]:first-of-type { background: #1565c0; color: #fff; }
button:disabled { opacity: 0.5; cursor: not-allowed; }
@media (max-width: 480px) { main { margin: 0; border-radius: 0; } }
</style>
</head>
<body>
<header>${escapeHtml(t('header'))}</header>
<main>
${body}
</main>
</body>
</html>`;
}

/** The words of the host's pages in the language the person chose in the web app, or their browser's. */
export function pageText(request: Request): Translate {
  return translator(pageLanguage(request));
}

/**
 * Sends a page that must never be cached or framed: a consent page inside someone else's frame could
 * be clicked through by a user who cannot see it.
 */
export function sendPage(
  response: Response,
  t: Translate,
  status: number,
  title: string,
  body: string,
): void {
  response
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Language': t.language,
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
      Vary: 'Accept-Language, Cookie',
      'X-Frame-Options': 'DENY',
      'Content-Security-Policy':
        "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
      'Referrer-Policy': 'no-referrer',
    })
    .send(layout(t, title, body));
}

function sendErrorPage(
  response: Response,
  t: Translate,
  status: number,
  title: string,
  message: string,
): void {
  sendPage(response, t, status, title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

/**
 * An error a page shows the user, with its status and the keys of its title and message (words in
 * page-text.ts, filled with `params`); never a redirect.
 */
export class PageError extends Error {
  constructor(
    readonly status: number,
    readonly title: PageTextKey,
    readonly messageKey: PageTextKey,
    readonly params: PageParams = {},
  ) {
    super(messageKey);
  }
}

/**
 * The last handler of a page's express chain: a PageError, or an error `explain` turns into one, is
 * shown as it says; anything else is logged as `failure` and shown as a 500 page.
 */
export function errorPageHandler(
  logger: Logger,
  failure: string,
  explain: (error: unknown) => PageError | undefined = () => undefined,
) {
  return (error: unknown, request: Request, response: Response, _next: NextFunction): void => {
    const t = pageText(request);
    const shown = error instanceof PageError ? error : explain(error);
    if (shown) {
      sendErrorPage(response, t, shown.status, t(shown.title), t(shown.messageKey, shown.params));
      return;
    }
    logger.error({ message: failure, error: String(error) });
    sendErrorPage(
      response,
      t,
      HttpStatus.INTERNAL_SERVER_ERROR,
      t('error.generic.title'),
      t('error.generic.message'),
    );
  };
}

export interface SignInForm {
  returnTo: string;
  csrfToken: string;
  appName: string;
  username?: string;
  error?: string;
}

export function signInPage(form: SignInForm, t: Translate): string {
  return `<h1>${escapeHtml(t('signIn.title'))}</h1>
<p>${escapeHtml(t('signIn.continueTo', { app: form.appName }))}</p>
${form.error ? `<p class="error" role="alert">${escapeHtml(form.error)}</p>` : ''}
<form method="post" action="/oauth/sign-in">
<input type="hidden" name="csrf_token" value="${escapeHtml(form.csrfToken)}">
<input type="hidden" name="return_to" value="${escapeHtml(form.returnTo)}">
<label>${escapeHtml(t('signIn.username'))} <input name="username" autocomplete="username" required value="${escapeHtml(form.username ?? '')}"></label>
<label>${escapeHtml(t('signIn.password'))} <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">${escapeHtml(t('signIn.submit'))}</button>
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

export function consentPage(form: ConsentForm, t: Translate): string {
  const { app } = form;
  const icon = app.iconUrl ? `<img src="${escapeHtml(app.iconUrl)}" alt="">` : '';
  const scopeList = (scopes: Scope[]) => {
    const items = scopes.map((scope) => {
      const words = escapeHtml(t.scope(scope));
      // Unticking an optional scope leaves it out of the submitted form; required ones are not inputs at all.
      return app.optionalScopes.includes(scope)
        ? `<li><label><input type="checkbox" name="scope" value="${escapeHtml(scope)}" checked> ${words} ${escapeHtml(t('consent.optional'))}</label></li>`
        : `<li>${words}</li>`;
    });
    return `<ul>\n${items.join('\n')}\n</ul>`;
  };
  const before = form.allowedBefore;
  const fresh = before ? form.scopes.filter((scope) => !before.includes(scope)) : form.scopes;
  const again = form.scopes.filter((scope) => !fresh.includes(scope));
  // An app asking for more than the user allowed: the new asks first, what it already has apart.
  const scopes =
    before && fresh.length > 0 && again.length > 0
      ? `<h2>${escapeHtml(t('consent.newSince'))}</h2>\n${scopeList(fresh)}\n<h2>${escapeHtml(t('consent.alreadyAllowed'))}</h2>\n${scopeList(again)}`
      : scopeList(form.scopes);
  return `<div class="app">${icon}<div><h1>${escapeHtml(app.name)}</h1>
<p>${escapeHtml(t('consent.by', { developer: app.ownerName }))}</p></div></div>
<p>${escapeHtml(t('consent.signedInAs', { username: form.username, app: app.name }))}</p>
<form method="post" action="/oauth/authorize/decision">
<input type="hidden" name="transaction_id" value="${escapeHtml(form.transactionId)}">
<input type="hidden" name="csrf_token" value="${escapeHtml(form.csrfToken)}">
${scopes}
<button type="submit" name="decision" value="allow">${escapeHtml(t('consent.allow'))}</button>
<button type="submit" name="decision" value="deny">${escapeHtml(t('consent.deny'))}</button>
</form>`;
}
