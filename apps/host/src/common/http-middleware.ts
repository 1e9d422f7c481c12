import { HttpStatus, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { AuthenticatedRequest } from '../accounts/auth.decorators';
import { ProblemException } from './problem';

const requestLogger = new Logger('http');

/** One structured line per request; the path without its query so cursors and tokens stay out of logs. */
export function logRequests(request: Request, response: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  response.on('finish', () => {
    requestLogger.log({
      method: request.method,
      path: request.originalUrl.split('?')[0],
      status: response.statusCode,
      durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      userId: (request as AuthenticatedRequest).viewer?.id,
    });
  });
  next();
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The routes that take image uploads as multipart/form-data; every other route speaks JSON only. */
const UPLOAD_ROUTES = [/^\/photos\/?$/, /^\/albums\/[^/]+\/photos\/?$/];

/** The OAuth endpoints that take HTML-form / RFC 6749 bodies (application/x-www-form-urlencoded). */
const OAUTH_FORM_ROUTES = [
  /^\/oauth\/token\/?$/,
  /^\/oauth\/revoke\/?$/,
  /^\/oauth\/introspect\/?$/,
  /^\/oauth\/authorize\/decision\/?$/,
  /^\/oauth\/sign-in\/?$/,
  // not OAuth, but an HTML form too: the order confirmation page's
  /^\/orders\/[^/]+\/confirm\/?$/,
];

/**
 * The API speaks JSON only; a body of any other type is refused before it is read. Exceptions: image
 * uploads (multipart) and the OAuth endpoints (url-encoded forms, which they parse themselves).
 */
export function requireJsonBodies(request: Request, _response: Response, next: NextFunction): void {
  if (
    request.method === 'POST' &&
    request.is('multipart/form-data') &&
    UPLOAD_ROUTES.some((route) => route.test(request.path))
  ) {
    next();
    return;
  }
  if (
    request.method === 'POST' &&
    request.is('application/x-www-form-urlencoded') &&
    OAUTH_FORM_ROUTES.some((route) => route.test(request.path))
  ) {
    next();
    return;
  }
  const hasBody =
    Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (BODY_METHODS.has(request.method) && hasBody && !request.is('application/json')) {
    next(
      new ProblemException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'unsupported_media_type',
        'Send JSON (application/json)',
      ),
    );
    return;
  }
  next();
}
