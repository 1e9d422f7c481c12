import type { NextFunction, Request, Response } from 'express';

/** Headers a browser app may read from Open API responses. */
const EXPOSED_HEADERS = ['RateLimit', 'RateLimit-Policy', 'Retry-After', 'WWW-Authenticate', 'ETag'];
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match'];
const ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'DELETE'];
/** How long a browser may cache a preflight answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for the Open API, so apps running in browsers can call it from their own origin. Any origin
 * may: the API takes bearer tokens only and never cookies, so a foreign page gains nothing it does
 * not already hold (credentials are not allowed, and the session cookie is never consulted).
 */
export function openApiCors(request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Access-Control-Allow-Origin', '*');
  response.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS.join(', '));
  if (request.method === 'OPTIONS') {
    response.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS.join(', '));
    response.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS.join(', '));
    response.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
    response.status(204).end();
    return;
  }
  next();
}
