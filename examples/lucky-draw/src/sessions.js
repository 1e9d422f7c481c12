import { randomBytes, timingSafeEqual } from 'node:crypto';

/** The cookie that names a visitor's server-side session. */
const COOKIE = 'lucky_draw_session';
/** Sessions not used for this long are forgotten (and their tokens with them). */
const IDLE_MS = 24 * 60 * 60 * 1000;

/**
 * What the app remembers about one browser. Everything stays on the server; the browser only holds a
 * random session id, so the PKCE verifier and the tokens never reach it.
 * @typedef {object} Session
 * @property {string} id
 * @property {string} csrfToken Sent back with every form; a page on another site cannot read it.
 * @property {number} lastSeen
 * @property {import('@kongjian/sdk').PendingAuthorization} [pending] Between /login and /callback.
 * @property {import('@kongjian/sdk').TokenSession} [tokens] Once signed in.
 * @property {string} [nickname]
 * @property {string} [flash] A message for the next page view (the outcome of a draw).
 */

const randomId = () => randomBytes(24).toString('base64url');

/** In-memory sessions: enough for one process. A real deployment keeps them in a shared store. */
export class SessionStore {
  /** @type {Map<string, Session>} */
  #sessions = new Map();

  /** @param {boolean} secure Mark the cookie Secure (when the app is served over https). */
  constructor(secure) {
    this.secure = secure;
  }

  /**
   * The visitor's session, or a new one with its cookie set on `response`.
   * @param {import('node:http').IncomingMessage} request
   * @param {import('node:http').ServerResponse} response
   * @returns {Session}
   */
  get(request, response) {
    const now = Date.now();
    const id = readCookie(request.headers.cookie, COOKIE);
    const existing = id === undefined ? undefined : this.#sessions.get(id);
    if (existing && now - existing.lastSeen < IDLE_MS) {
      existing.lastSeen = now;
      return existing;
    }
    return this.#create(response, {});
  }

  /**
   * Gives the session a new id, as after every sign-in, so an id planted before it is worth nothing.
   * @param {Session} session
   * @param {import('node:http').ServerResponse} response
   */
  renew(session, response) {
    this.#sessions.delete(session.id);
    return this.#create(response, { ...session });
  }

  /**
   * @param {Session} session
   * @param {import('node:http').ServerResponse} response
   */
  destroy(session, response) {
    this.#sessions.delete(session.id);
    response.appendHeader('set-cookie', `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
  }

  /**
   * @param {import('node:http').ServerResponse} response
   * @param {Partial<Session>} contents
   * @returns {Session}
   */
  #create(response, contents) {
    const now = Date.now();
    for (const [id, session] of this.#sessions)
      if (now - session.lastSeen >= IDLE_MS) this.#sessions.delete(id);
    const session = { ...contents, id: randomId(), csrfToken: randomId(), lastSeen: now };
    this.#sessions.set(session.id, session);
    // SameSite=Lax: the cookie comes along when Kongjian redirects back to /callback, not on other sites' POSTs.
    const secure = this.secure ? '; Secure' : '';
    response.appendHeader('set-cookie', `${COOKIE}=${session.id}; Path=/; HttpOnly; SameSite=Lax${secure}`);
    return session;
  }
}

/**
 * @param {string | undefined} header
 * @param {string} name
 */
function readCookie(header, name) {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * Whether a submitted form carries the session's CSRF token.
 * @param {Session} session
 * @param {string | null} submitted
 */
export function csrfTokenMatches(session, submitted) {
  const expected = Buffer.from(session.csrfToken);
  const actual = Buffer.from(submitted ?? '');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
