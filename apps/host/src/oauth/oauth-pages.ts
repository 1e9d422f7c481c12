import { HttpStatus, type Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { RegisteredApp } from '../apps/apps.service';
import { SCOPE_DESCRIPTIONS, type Scope } from '../apps/scopes';

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

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Kongjian</title>
<style>
body { margin: 0; font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif; color: #1f1f1f; background: #eef4fb; }
header { background: linear-gradient(90deg, #0d47a1, #1565c0); color: #fff; padding: 0 16px; height: 56px; display: flex; align-items: center; font-size: 20px; font-weight: 600; }
main { max-width: 26rem; margin: 3rem auto; padding: 1.5rem; background: #fff; border-radius: 10px; }
h1 { font-size: 1.5rem; margin-top: 0; }
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
<header>空间 Kongjian</header>
<main>
${body}
</main>
</body>
</html>`;
}

/**
 * Sends a page that must never be cached or framed: a consent page inside someone else's frame could
 * be clicked through by a user who cannot see it.
 */
export function sendPage(response: Response, status: number, title: string, body: string): void {
  response
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
      'X-Frame-Options': 'DENY',
      'Content-Security-Policy':
        "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
      'Referrer-Policy': 'no-referrer',
    })
    .send(layout(title, body));
}

export function sendErrorPage(response: Response, status: number, title: string, message: string): void {
  sendPage(response, status, title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

/** An error a page shows the user, with its status, title and message; never a redirect. */
export class PageError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
  ) {
    super(message);
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
  return (error: unknown, _request: Request, response: Response, _next: NextFunction): void => {
    const shown = error instanceof PageError ? error : explain(error);
    if (shown) {
      sendErrorPage(response, shown.status, shown.title, shown.message);
      return;
    }
    logger.error({ message: failure, error: String(error) });
    sendErrorPage(
      response,
      HttpStatus.INTERNAL_SERVER_ERROR,
      'Something went wrong',
      'Please try again later.',
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

export function signInPage(form: SignInForm): string {
  return `<h1>Sign in to Kongjian</h1>
<p>to continue to ${escapeHtml(form.appName)}</p>
${form.error ? `<p class="error" role="alert">${escapeHtml(form.error)}</p>` : ''}
<form method="post" action="/oauth/sign-in">
<input type="hidden" name="csrf_token" value="${escapeHtml(form.csrfToken)}">
<input type="hidden" name="return_to" value="${escapeHtml(form.returnTo)}">
<label>Username <input name="username" autocomplete="username" required value="${escapeHtml(form.username ?? '')}"></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>`;
}

export interface ConsentForm {
  app: RegisteredApp;
  username: string;
  scopes: Scope[];
  transactionId: string;
  csrfToken: string;
}

export function consentPage(form: ConsentForm): string {
  const { app } = form;
  const icon = app.iconUrl ? `<img src="${escapeHtml(app.iconUrl)}" alt="">` : '';
  const scopeItems = form.scopes.map((scope) => {
    const words = escapeHtml(SCOPE_DESCRIPTIONS[scope]);
    // Unticking an optional scope leaves it out of the submitted form; required ones are not inputs at all.
    return app.optionalScopes.includes(scope)
      ? `<li><label><input type="checkbox" name="scope" value="${escapeHtml(scope)}" checked> ${words}</label></li>`
      : `<li>${words}</li>`;
  });
  return `<div class="app">${icon}<div><h1>${escapeHtml(app.name)}</h1>
<p>by ${escapeHtml(app.ownerName)}</p></div></div>
<p>You are signed in as <strong>${escapeHtml(form.username)}</strong>. ${escapeHtml(app.name)} would like to:</p>
<form method="post" action="/oauth/authorize/decision">
<input type="hidden" name="transaction_id" value="${escapeHtml(form.transactionId)}">
<input type="hidden" name="csrf_token" value="${escapeHtml(form.csrfToken)}">
<ul>
${scopeItems.join('\n')}
</ul>
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`;
}
