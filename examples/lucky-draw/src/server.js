import { createServer } from 'node:http';
import { createOpenApiClient, KongjianOAuth, KongjianOAuthError } from '@kongjian/sdk';
import { isLoopback } from './config.js';
import { describeFailure, draw, drawCount, profile, SCOPES } from './lucky-draw.js';
import { drawPage, errorPage, signInPage } from './pages.js';
import { csrfTokenMatches, SessionStore } from './sessions.js';

/** Form posts are a CSRF token and a button; anything longer is not ours. */
const MAX_FORM_BYTES = 4 * 1024;
/** What the player is told of the draw's story. */
const STORY_NEWS = {
  published: 'Your friends can see it in their feeds.',
  held: 'Your friends will see it once Kongjian has reviewed it.',
  refused: 'The story was not posted: its words break Kongjian’s rules.',
};

/**
 * @typedef {import('node:http').IncomingMessage} Request
 * @typedef {import('node:http').ServerResponse} Response
 * @typedef {import('./sessions.js').Session} Session
 */

/**
 * Lucky Draw's HTTP server (not yet listening). Discovers Kongjian's OAuth endpoints first, so a wrong
 * KONGJIAN_URL fails at start rather than at the first sign-in.
 * @param {import('./config.js').LuckyDrawConfig} config
 */
export async function createLuckyDrawServer(config) {
  const oauth = await KongjianOAuth.discover(config.kongjianUrl, {
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    redirectUri: `${config.publicUrl}/callback`,
    // Plain http only while Kongjian runs on this machine (development); the SDK refuses it otherwise.
    allowInsecureRequests: isLoopback(config.kongjianUrl),
  });
  const sessions = new SessionStore(config.publicUrl.startsWith('https:'));
  const publicOrigin = new URL(config.publicUrl).origin;

  /** @param {import('@kongjian/sdk').TokenSession} tokens */
  const apiFor = (tokens) => createOpenApiClient({ baseUrl: config.kongjianUrl, tokens });

  /**
   * @param {Response} response
   * @param {number} status
   * @param {string} html
   */
  const page = (response, status, html) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(html);
  };
  /**
   * @param {Response} response
   * @param {string} location
   */
  const redirect = (response, location) => {
    response.writeHead(303, { location }).end();
  };

  /**
   * A same-origin form post carrying the session's CSRF token; null (after answering 403) otherwise.
   * @param {Request} request
   * @param {Response} response
   * @param {Session} session
   */
  const checkedForm = async (request, response, session) => {
    const origin = request.headers.origin;
    const form = await readForm(request);
    if (
      (origin !== undefined && origin !== publicOrigin) ||
      !form ||
      !csrfTokenMatches(session, form.get('csrf'))
    ) {
      page(response, 403, errorPage('That form has expired. Please go back and try again.'));
      return null;
    }
    return form;
  };

  /** @type {Record<string, (request: Request, response: Response, session: Session) => Promise<void>>} */
  const routes = {
    'GET /': async (_request, response, session) => {
      if (!session.tokens) return page(response, 200, signInPage());
      const flash = session.flash;
      session.flash = undefined;
      const draws = await drawCount(apiFor(session.tokens));
      page(
        response,
        200,
        drawPage({ nickname: session.nickname ?? '', draws, csrfToken: session.csrfToken, flash }),
      );
    },

    'GET /login': async (_request, response, session) => {
      // state and the PKCE verifier stay in the server-side session until Kongjian sends the user back.
      const { url, state, codeVerifier } = await oauth.authorizationUrl({ scope: SCOPES });
      session.pending = { state, codeVerifier };
      redirect(response, url.href);
    },

    'GET /callback': async (request, response, session) => {
      const pending = session.pending;
      if (!pending) return page(response, 400, errorPage('This sign-in has expired. Please sign in again.'));
      session.pending = undefined;
      let tokens;
      try {
        tokens = await oauth.exchangeCallback(new URL(request.url ?? '/', config.publicUrl), pending);
      } catch (error) {
        // Refused, by the person or by Kongjian (an app in development admits only its testers): say why.
        const refused = error instanceof KongjianOAuthError && error.error === 'access_denied';
        return page(
          response,
          400,
          errorPage(
            refused
              ? `You are not signed in: ${error.errorDescription ?? 'access was declined'}.`
              : 'Sign-in failed. Please try again.',
          ),
        );
      }
      const signedIn = sessions.renew(session, response);
      signedIn.tokens = oauth.session(tokens);
      signedIn.nickname = (await profile(apiFor(signedIn.tokens))).nickname;
      redirect(response, '/');
    },

    'POST /draw': async (request, response, session) => {
      if (!(await checkedForm(request, response, session))) return;
      if (!session.tokens) return redirect(response, '/');
      try {
        const result = await draw(apiFor(session.tokens), config);
        session.nickname = result.me.nickname;
        session.flash = result.winner
          ? `You drew ${result.winner.nickname}! ${STORY_NEWS[result.story ?? 'published']}`
          : 'None of your friends plays Lucky Draw yet. Invite some!';
      } catch (error) {
        if (error instanceof KongjianOAuthError) {
          // The refresh token no longer works (the user revoked the app, or it expired): sign in again.
          sessions.destroy(session, response);
          return redirect(response, '/');
        }
        session.flash = describeFailure(error);
      }
      redirect(response, '/');
    },

    'POST /logout': async (request, response, session) => {
      if (!(await checkedForm(request, response, session))) return;
      await session.tokens?.revoke().catch(() => undefined);
      sessions.destroy(session, response);
      redirect(response, '/');
    },
  };

  return createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://app').pathname;
    const route = routes[`${request.method} ${path}`];
    if (!route) return page(response, 404, errorPage('Nothing here.'));
    const session = sessions.get(request, response);
    route(request, response, session).catch((error) => {
      console.error(JSON.stringify({ route: `${request.method} ${path}`, error: String(error) }));
      if (!response.headersSent) page(response, 500, errorPage(describeFailure(error)));
      else response.end();
    });
  });
}

/**
 * The urlencoded body of a form post, or null when it is too big or not a form.
 * @param {Request} request
 */
async function readForm(request) {
  if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) return null;
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return null;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
