import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';

/** The header a request id comes in and goes back out in (and is forwarded in to the Open API by the plugin bridge). */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** An incoming id is kept only if it looks like one: short, and nothing a log line or header could trip on. */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:@+=/-]{0,127}$/;

/** The incoming X-Request-Id when it is sane, otherwise a fresh UUID. */
export function requestIdFor(request: Pick<Request, 'headers'>): string {
  const incoming = request.headers[REQUEST_ID_HEADER.toLowerCase()];
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

interface RequestScope {
  requestId: string;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** Runs `work` (the rest of a request) with its id available to {@link currentRequestId}. */
export function runInRequestScope<T>(requestId: string, work: () => T): T {
  return scopes.run({ requestId }, work);
}

/**
 * The id of the HTTP request this code runs for, if any: outbox events and plugin calls carry it onward so
 * a webhook delivery or a plugin's Open API call can be traced back to the request that caused it.
 */
export function currentRequestId(): string | undefined {
  return scopes.getStore()?.requestId;
}

/**
 * The route pattern that answered (`/users/:userId/posts`), for logs and metrics labels that must not grow
 * with every id; `static` for what the web app, console or file serving answered, `unmatched` for the rest.
 */
export function routeLabel(request: Request, status: number): string {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return route.path;
  return status < 400 ? 'static' : 'unmatched';
}
