import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemCode, ProblemDetails, ProblemException } from './problem';

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: ProblemCode): string {
  return `urn:kongjian:problem:${code}`;
}

/**
 * Words for an HttpException the host did not throw itself (Nest's own, or a library's through Nest):
 * their messages are the library's, so a client gets a sentence of ours for the status instead.
 */
const HTTP_EXCEPTION_DETAILS: Partial<Record<number, string>> = {
  400: 'The request is not valid',
  413: 'The request is too large',
  415: 'The request body has a type this route does not accept',
};

function toProblem(error: unknown, request: Request): ProblemException | undefined {
  if (error instanceof ProblemException) return error;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === HttpStatus.NOT_FOUND) {
      return new ProblemException(
        status,
        'route_not_found',
        `No route matches ${request.method} ${request.originalUrl?.split('?')[0] ?? request.path}`,
      );
    }
    if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
      return new ProblemException(status, 'payload_too_large', HTTP_EXCEPTION_DETAILS[status]);
    }
    if (status < 500) {
      return new ProblemException(
        status,
        'validation_failed',
        HTTP_EXCEPTION_DETAILS[status] ?? 'The request cannot be processed',
      );
    }
  }
  return undefined;
}

/** Turns every error into RFC 9457 problem+json; anything unexpected becomes a logged, opaque 500. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const problem = toProblem(error, request);
    let body: ProblemDetails;
    if (problem) {
      body = {
        type: problemType(problem.code),
        title: TITLES[problem.status] ?? 'Error',
        status: problem.status,
        code: problem.code,
        detail: problem.detail,
        instance: request.originalUrl?.split('?')[0],
        ...(problem.errors ? { errors: problem.errors } : {}),
      };
    } else {
      this.logger.error({
        message: 'unhandled error',
        path: request.originalUrl?.split('?')[0],
        error: error instanceof Error ? error.stack : String(error),
      });
      body = {
        type: problemType('internal_error'),
        title: TITLES[500]!,
        status: 500,
        code: 'internal_error',
        detail: 'Something went wrong on our side',
      };
    }
    if (response.headersSent) return;
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}
