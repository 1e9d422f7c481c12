import { randomBytes, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { LIMITS } from '../limits';

/**
 * The host's forms and the OAuth endpoints take application/x-www-form-urlencoded bodies (RFC 6749 §4.1.3,
 * RFC 7009, RFC 7662).
 */
export const parseForm = express.urlencoded({ extended: false, limit: LIMITS.oauthFormBytes });

export function formField(request: Request, name: string): string | undefined {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Double-submit CSRF protection for the host's HTML forms: a random token in an httpOnly cookie that
 * the page also puts into its form. A cross-site page can neither read the cookie nor make the
 * browser send it with a form post (SameSite=Lax), so a post carrying both, equal, came from our page.
 */
export interface CsrfCookie {
  name: string;
  /** The narrowest path covering the page and its form's action. */
  path: string;
  maxAgeMs: number;
}

const CSRF_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The token for a page's form: the cookie's, when the browser already has one, else a new one. */
export function issueCsrfToken(
  request: Request,
  response: Response,
  cookie: CsrfCookie,
  secure: boolean,
): string {
  const existing = (request.cookies as Record<string, string> | undefined)?.[cookie.name];
  const token =
    existing && CSRF_TOKEN_PATTERN.test(existing) ? existing : randomBytes(32).toString('base64url');
  response.cookie(cookie.name, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: cookie.path,
    maxAge: cookie.maxAgeMs,
  });
  return token;
}

/** Whether a posted form carries (in `csrf_token`) the token of the cookie. */
export function csrfTokenMatches(request: Request, cookieName: string): boolean {
  const cookie = (request.cookies as Record<string, string> | undefined)?.[cookieName];
  const submitted = formField(request, 'csrf_token');
  if (!cookie || !submitted) return false;
  const left = Buffer.from(cookie);
  const right = Buffer.from(submitted);
  return left.length === right.length && timingSafeEqual(left, right);
}
