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

/** Errors body-parser raises before a request reaches a controller. */
interface BodyParserError {
  type?: string;
  status?: number;
}

function fromBodyParser(error: unknown): ProblemException | undefined {
  const { type, status } = (error ?? {}) as BodyParserError;
  if (typeof type !== 'string' || typeof status !== 'number') return undefined;
  if (type === 'entity.too.large') {
    return new ProblemException(
      HttpStatus.PAYLOAD_TOO_LARGE,
      'payload_too_large',
      'The request body is too large',
    );
  }
  if (type === 'entity.parse.failed') {
    return new ProblemException(HttpStatus.BAD_REQUEST, 'invalid_json', 'The request body is not valid JSON');
  }
  if (status >= 400 && status < 500) {
    return new ProblemException(status, 'validation_failed', 'The request body could not be read');
  }
  return undefined;
}

function toProblem(error: unknown): ProblemException | undefined {
  if (error instanceof ProblemException) return error;
  const parserProblem = fromBodyParser(error);
  if (parserProblem) return parserProblem;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === HttpStatus.NOT_FOUND) {
      return new ProblemException(status, 'route_not_found', 'No such route');
    }
    if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
      return new ProblemException(status, 'payload_too_large', error.message);
    }
    if (status < 500) return new ProblemException(status, 'validation_failed', error.message);
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
    const problem = toProblem(error);
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
