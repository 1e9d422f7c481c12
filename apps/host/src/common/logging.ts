import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Logger as NestPinoLogger, PinoLogger } from 'nestjs-pino';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import {
  currentRequestId,
  REQUEST_ID_HEADER,
  requestIdFor,
  routeLabel,
  runInRequestScope,
} from './request-context';

export type LogLevel = Level | 'silent';

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

type LoggedRequest = Request & { viewer?: { id?: string }; id?: string };

/**
 * One line per request when the response is sent or the connection closes first (at error level for a 5xx
 * or a failed response), with the request id: the caller's `X-Request-Id` when sane, otherwise a fresh one, answered in
 * `X-Request-Id`. The line never carries headers, query strings or bodies. (pino-http did this before, and
 * cost a third of a trivial request's time making a child logger per request that most never use; the
 * request's own log lines get theirs from HostPinoLogger when they log.)
 */
export function logRequests(root: Logger) {
  return (request: LoggedRequest, response: Response, next: NextFunction): void => {
    const started = performance.now();
    const requestId = requestIdFor(request);
    request.id = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    let failure: Error | undefined;
    // A response emits 'close' exactly once, after 'finish' or when the connection ends first, and after
    // 'error': one listener logs every request (three listeners added and removed cost ~2 % of a token
    // introspection).
    response.on('error', (error) => {
      failure = error;
    });
    response.on('close', () => {
      const level = failure || response.statusCode >= 500 ? 'error' : 'info';
      if (!root.isLevelEnabled(level)) return;
      root[level](
        {
          requestId,
          method: request.method,
          route: routeLabel(request, response.statusCode),
          path: request.originalUrl.split('?')[0],
          status: response.statusCode,
          durationMs: Math.round(performance.now() - started),
          userId: request.viewer?.id,
        },
        'request',
      );
    });
    next();
  };
}

/**
 * Makes the request's id the context of everything the request runs: app log lines carry `requestId`,
 * and outbox events and plugin calls pick it up. Goes after the body parser, whose stream events would
 * lose an async context started before it.
 */
export function bindRequestContext(request: LoggedRequest, _response: Response, next: NextFunction): void {
  runInRequestScope(request.id ?? requestIdFor(request), next);
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

  /** Inside a request, a child logger with its id (made when a line is logged: most requests log none). */
  override get logger(): Logger {
    const requestId = currentRequestId();
    return requestId === undefined ? this.root : this.root.child({ requestId });
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
