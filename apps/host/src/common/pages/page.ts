import { HttpStatus, type Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { type Html, html } from './html';
import { pageLanguage, type PageParams, type PageTextKey, type Translate, translator } from './page-text';

/** The one layout of the host's own pages (sign-in, consent, orders): the header, a card, the words' language. */
function layout(t: Translate, title: string, body: Html): Html {
  return html`<!doctype html>
    <html lang="${t.language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · ${t('header')}</title>
        <style>
          body {
            margin: 0;
            font-family: 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', system-ui, sans-serif;
            color: #1f1f1f;
            background: #eef4fb;
          }
          header {
            background: linear-gradient(90deg, #0d47a1, #1565c0);
            color: #fff;
            padding: 0 16px;
            height: 56px;
            display: flex;
            align-items: center;
            font-size: 20px;
            font-weight: 600;
          }
          main {
            max-width: 26rem;
            margin: 3rem auto;
            padding: 1.5rem;
            background: #fff;
            border-radius: 10px;
          }
          h1 {
            font-size: 1.5rem;
            margin-top: 0;
          }
          h2 {
            font-size: 1rem;
            margin: 16px 0 4px;
          }
          .app {
            display: flex;
            gap: 0.75rem;
            align-items: center;
          }
          .app img {
            width: 48px;
            height: 48px;
            border-radius: 8px;
          }
          label {
            display: block;
            margin: 0.75rem 0;
          }
          input:not([type]),
          input[type='password'],
          input[type='text'] {
            display: block;
            width: 100%;
            box-sizing: border-box;
            margin-top: 0.25rem;
            padding: 0.45rem 0.6rem;
            border: 1px solid #d0d7e2;
            border-radius: 8px;
            font: inherit;
          }
          .error {
            color: #b00020;
          }
          button {
            margin: 0.5rem 0.5rem 0 0;
            padding: 0.45rem 1.2rem;
            border-radius: 8px;
            border: 1px solid #1565c0;
            background: #fff;
            color: #1565c0;
            font: inherit;
            cursor: pointer;
          }
          button[type='submit']:first-of-type {
            background: #1565c0;
            color: #fff;
          }
          button:disabled {
            opacity: 0.5;
            cursor: not-allowed;
          }
          @media (max-width: 480px) {
            main {
              margin: 0;
              border-radius: 0;
            }
          }
        </style>
      </head>
      <body>
        <header>${t('header')}</header>
        <main>${body}</main>
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
export function sendPage(response: Response, t: Translate, status: number, title: string, body: Html): void {
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
    .send(layout(t, title, body).markup);
}

function sendErrorPage(
  response: Response,
  t: Translate,
  status: number,
  title: string,
  message: string,
): void {
  sendPage(
    response,
    t,
    status,
    title,
    html`<h1>${title}</h1>
      <p>${message}</p>`,
  );
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
