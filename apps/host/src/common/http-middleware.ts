import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { LIMITS } from './limits';
import { ProblemException } from './problem';
import { sizeText } from './text';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The routes that take image uploads as multipart/form-data; every other route speaks JSON only. */
const UPLOAD_ROUTES = [
  { method: 'POST', path: /^\/photos\/?$/ },
  { method: 'POST', path: /^\/albums\/[^/]+\/photos\/?$/ },
  { method: 'PUT', path: /^\/developer\/apps\/[^/]+\/icon\/?$/ },
];

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

/** What a route takes instead of JSON, in the words of the 415 that refuses anything else. */
function expectedBody(request: Request): string {
  if (UPLOAD_ROUTES.some((route) => route.method === request.method && route.path.test(request.path))) {
    return 'The request body must be multipart/form-data with the image in the field "file"';
  }
  if (request.method === 'POST' && OAUTH_FORM_ROUTES.some((route) => route.test(request.path))) {
    return 'The request body must be a form (Content-Type: application/x-www-form-urlencoded)';
  }
  return 'The request body must be JSON (Content-Type: application/json)';
}

/**
 * The API speaks JSON only; a body of any other type is refused before it is read. Exceptions: image
 * uploads (multipart) and the OAuth endpoints (url-encoded forms, which they parse themselves).
 */
export function requireJsonBodies(request: Request, _response: Response, next: NextFunction): void {
  // The paths first: they are cheaper to test than the Content-Type is to parse.
  if (
    UPLOAD_ROUTES.some((route) => route.method === request.method && route.path.test(request.path)) &&
    request.is('multipart/form-data')
  ) {
    next();
    return;
  }
  if (
    request.method === 'POST' &&
    OAUTH_FORM_ROUTES.some((route) => route.test(request.path)) &&
    request.is('application/x-www-form-urlencoded')
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
        expectedBody(request),
      ),
    );
    return;
  }
  next();
}

/** The errors body-parser (express.json) raises, told by their `type`; zlib's carry a `Z_…` code. */
interface BodyParserError {
  type?: unknown;
  status?: unknown;
  code?: unknown;
}

/** The problem for an error express.json raised, in words that state the rule rather than the parser's message. */
function bodyProblem(error: unknown, request: Request): ProblemException | undefined {
  const { type, status, code } = (error ?? {}) as BodyParserError;
  switch (type) {
    case 'entity.too.large':
      return new ProblemException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'payload_too_large',
        `The request body must be at most ${sizeText(LIMITS.bodyBytes)}`,
      );
    case 'entity.parse.failed':
      // Clients have always had validation_failed for malformed JSON (Nest's mapping hid invalid_json).
      return new ProblemException(
        HttpStatus.BAD_REQUEST,
        'validation_failed',
        'The request body is not valid JSON',
      );
    case 'charset.unsupported':
      return new ProblemException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'validation_failed',
        'The request body must be UTF-8 (charset=utf-8)',
      );
    case 'encoding.unsupported':
      return new ProblemException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'validation_failed',
        'Content-Encoding must be gzip, deflate, br or identity',
      );
  }
  if (typeof code === 'string' && code.startsWith('Z_')) {
    const encoding = request.headers['content-encoding'] ?? 'compressed';
    return new ProblemException(
      HttpStatus.BAD_REQUEST,
      'validation_failed',
      `The request body is not valid ${encoding} data, as its Content-Encoding says it is`,
    );
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ProblemException(status, 'validation_failed', 'The request body could not be read');
  }
  return undefined;
}

/**
 * Follows express.json: turns its errors into problems here, where their `type` is still known (Nest
 * would turn a parse error into a 400 carrying the JSON engine's message).
 */
export function explainBodyErrors(
  error: unknown,
  request: Request,
  _response: Response,
  next: NextFunction,
): void {
  next(error instanceof ProblemException ? error : (bodyProblem(error, request) ?? error));
}

/**
 * Refuses a path that is not valid percent-encoded UTF-8 (`%FF`, a lone `%`), which the router could
 * not decode into parameters.
 */
export function refuseMalformedPaths(request: Request, _response: Response, next: NextFunction): void {
  try {
    decodeURIComponent(request.path);
  } catch {
    next(
      new ProblemException(
        HttpStatus.BAD_REQUEST,
        'validation_failed',
        'The URL path must be valid percent-encoded UTF-8',
      ),
    );
    return;
  }
  next();
}
