import { HttpStatus } from '@nestjs/common';
import type { Clock } from './clock';
import { ProblemCode, ProblemException } from './problem';

/**
 * A problem whose response needs headers too (`WWW-Authenticate`, `Retry-After`). The Open API's problem
 * filter (OpenApiProblemFilter) sends them; elsewhere the problem is answered without them.
 */
export class ProblemWithHeaders extends ProblemException {
  constructor(
    status: HttpStatus,
    code: ProblemCode,
    detail: string,
    readonly headers: Record<string, string>,
  ) {
    super(status, code, detail);
  }
}

export const tooManyRequests = (code: ProblemCode, detail: string, retryAfterSeconds: number) =>
  new ProblemWithHeaders(HttpStatus.TOO_MANY_REQUESTS, code, detail, {
    'Retry-After': String(retryAfterSeconds),
  });

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The answer when a daily quota is spent: 429, with Retry-After until midnight UTC, when it starts afresh.
 * The Open API's quotas and the app center's invites (which apps send for their users too) both answer it.
 */
export function dailyQuotaSpent(clock: Clock, what: string): ProblemWithHeaders {
  const now = clock.now().getTime();
  const dayStart = now - (now % DAY_MS);
  return tooManyRequests(
    'quota_exceeded',
    `${what}; try again tomorrow (UTC)`,
    Math.ceil((dayStart + DAY_MS - now) / 1000),
  );
}
