import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Who may read /metrics: a scraper on this machine (the client address, after the trusted loopback proxy,
 * is a loopback address) or one that sends `Authorization: Bearer <KONGJIAN_METRICS_TOKEN>`. A request
 * that came through a proxy is judged by the address the proxy names, so a local nginx opens nothing.
 */
export function mayReadMetrics(request: Request, token: string | undefined): boolean {
  const header = request.headers.authorization;
  if (token && header?.startsWith('Bearer ')) {
    return timingSafeEqual(digest(header.slice('Bearer '.length).trim()), digest(token));
  }
  return LOOPBACK.test(request.ip ?? '');
}
