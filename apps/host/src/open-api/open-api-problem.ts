import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { ProblemFilter } from '../common/problem.filter';
import { ProblemWithHeaders } from '../common/problem-with-headers';
import type { Scope } from '../apps/scopes';

const REALM = 'realm="kongjian"';

/** RFC 6750 §3: no credentials at all gets a bare challenge, without an error code. */
export const missingToken = () =>
  new ProblemWithHeaders(
    HttpStatus.UNAUTHORIZED,
    'unauthenticated',
    'Send an access token as Authorization: Bearer <token>',
    { 'WWW-Authenticate': `Bearer ${REALM}` },
  );

export const invalidToken = () =>
  new ProblemWithHeaders(
    HttpStatus.UNAUTHORIZED,
    'invalid_token',
    'The access token is unknown, expired or revoked',
    { 'WWW-Authenticate': `Bearer ${REALM}, error="invalid_token"` },
  );

/** The token is good but its user is suspended: 401 like any token that stopped working, with its own code. */
export const userSuspended = () =>
  new ProblemWithHeaders(
    HttpStatus.UNAUTHORIZED,
    'account_suspended',
    "The user's account is suspended; the app cannot act for them",
    { 'WWW-Authenticate': `Bearer ${REALM}, error="invalid_token"` },
  );

/** Tokens in URLs end up in logs and Referer headers, so they are refused even beside a valid header. */
export const tokenOutsideHeader = () =>
  new ProblemWithHeaders(
    HttpStatus.BAD_REQUEST,
    'invalid_request',
    'Send the access token only in the Authorization header, never as access_token',
    { 'WWW-Authenticate': `Bearer ${REALM}, error="invalid_request"` },
  );

export const insufficientScope = (scope: Scope) =>
  new ProblemWithHeaders(
    HttpStatus.FORBIDDEN,
    'insufficient_scope',
    `This operation needs the ${scope} scope, which the user did not grant`,
    { 'WWW-Authenticate': `Bearer ${REALM}, error="insufficient_scope", scope="${scope}"` },
  );

/** The host's problem filter, plus the headers a ProblemWithHeaders carries. */
@Catch()
export class OpenApiProblemFilter implements ExceptionFilter {
  private readonly problems = new ProblemFilter();

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof ProblemWithHeaders && !response.headersSent) {
      for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
    }
    this.problems.catch(error, host);
  }
}
