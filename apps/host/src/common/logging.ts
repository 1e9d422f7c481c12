import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Logger as NestPinoLogger, PinoLogger } from 'nestjs-pino';
import { storage as nestPinoStorage, Store } from 'nestjs-pino/storage';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { REQUEST_ID_HEADER, requestIdFor, routeLabel, runInRequestScope } from './request-context';

export type LogLevel = Level | 'silent';
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Where the host's log lines go and from which level: stdout at `info` unless told otherwise. */
export interface LogOptions {
  level?: LogLevel;
  /** Tests capture lines here; stdout by default. */
  destination?: DestinationStream;
}

/** Field names whose values are secrets wherever they turn up in a logged request or body. */
const SECRET_FIELDS = [
  'password',
  'newPassword',
  'currentPassword',
  'client_secret',
  'clientSecret',
  'refresh_token',
  'access_token',
  'token',
  'secret',
  'code_verifier',
];

/**
 * Paths pino blanks out before a line is written. The request line itself never carries headers, query
 * strings or bodies; this is the net under app logs that pass such objects along.
 */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
  // `code` is also a problem's code, so it is blanked only where an OAuth code travels: forms and queries.
  ...['body', 'query', 'req.body', 'req.query'].map((where) => `${where}.code`),
];

/** The host's root logger: JSON lines, secrets redacted. */
export function createRootLogger(options: LogOptions | false): Logger {
  if (options === false) return pino({ level: 'silent' });
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'kongjian' },
      // Nest's and the modules' lines pass `{ message, … }`; request lines use the same key.
      messageKey: 'message',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}

type LoggedRequest = Request & { viewer?: { id?: string } };

/** The fields of the one line logged per request; never headers, query strings or bodies. */
function requestLine(
  request: LoggedRequest,
  response: Response,
  durationMs: number,
): Record<string, unknown> {
  return {
    method: request.method,
    route: routeLabel(request, response.statusCode),
    path: request.originalUrl.split('?')[0],
    status: response.statusCode,
    durationMs,
    userId: request.viewer?.id,
  };
}

/**
 * pino-http, logging one line per request when the response is sent (or the connection closes first), with
 * the request id: the caller's `X-Request-Id` when sane, otherwise a fresh one, answered in `X-Request-Id`.
 */
export function logRequests(root: Logger) {
  return pinoHttp<LoggedRequest, Response>({
    logger: root,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    genReqId: (request, response) => {
      const id = requestIdFor(request);
      response.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
    customSuccessObject: (request, response, fields: { responseTime: number }) =>
      requestLine(request, response, fields.responseTime),
    customErrorObject: (request, response, _error, fields: { responseTime: number }) =>
      requestLine(request, response, fields.responseTime),
  });
}

/**
 * Makes the request's id and its logger (with that id) the context of everything the request runs:
 * app log lines carry `requestId`, and outbox events and plugin calls pick it up. Goes after the body
 * parser, whose stream events would lose an async context started before it.
 */
export function bindRequestContext(request: Request, _response: Response, next: NextFunction): void {
  const log = (request as Request & { log?: Logger }).log;
  const requestId = String(request.id ?? requestIdFor(request));
  runInRequestScope(requestId, () => (log ? nestPinoStorage.run(new Store(log), next) : next()));
}

/** Nest's own loggers that announce every module and route at start: useful only when debugging. */
const START_CHATTER = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/** nestjs-pino's PinoLogger bound to this host's root logger (its default root is one per process). */
class HostPinoLogger extends PinoLogger {
  constructor(private readonly root: Logger) {
    super({ pinoHttp: { logger: root } });
  }

  override get logger(): Logger {
    return nestPinoStorage.getStore()?.logger ?? this.root;
  }
}

/**
 * The Nest logger of the host: nestjs-pino over the root logger, so Nest's and the modules' lines are
 * JSON lines with the request id inside a request; Nest's start chatter (a line per module and route) is
 * logged at debug level, leaving one line per start step at info.
 */
class HostLogger extends NestPinoLogger {
  constructor(root: Logger) {
    super(new HostPinoLogger(root), {});
  }

  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && START_CHATTER.has(context)) super.debug(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }
}

export function createNestLogger(root: Logger): LoggerService {
  return new HostLogger(root);
}
