import type { NextFunction, Request, Response } from 'express';
import { routeLabel } from '../common/request-context';
import type { Metrics } from './metrics.service';

/** Counts each answered request and its latency, labelled by route pattern (never the raw path) and status. */
export function countRequests(metrics: Metrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observeRequest(
        request.method,
        routeLabel(request, response.statusCode),
        response.statusCode,
        seconds,
      );
    });
    next();
  };
}
