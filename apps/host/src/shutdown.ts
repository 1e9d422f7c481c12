import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { LIMITS } from './common/limits';
import type { AppConfig } from './config/config';
import { Readiness } from './health/readiness.service';
import { NotificationStreams } from './notifications/notification-streams';

/** How often connections that went idle after their last response are closed while draining. */
const IDLE_SWEEP_MS = 50;

/**
 * Drains and stops the host (SIGTERM, SIGINT): readiness answers 503 at once, the server stops accepting,
 * live notification streams end, requests in flight get up to the shutdown timeout to finish (connections
 * are closed as they fall idle, and all of them at the timeout); then Nest's shutdown stops the outbox
 * dispatcher (which releases its leases), the plugin workers and the database.
 */
export async function drainAndClose(app: NestExpressApplication, config: AppConfig): Promise<void> {
  const logger = new Logger('Shutdown');
  const timeoutMs = config.shutdownTimeoutMs ?? LIMITS.shutdownTimeoutMs;
  app.get(Readiness).markDraining();
  const server = app.getHttpServer() as Server;
  logger.log({ message: 'draining', timeoutMs });
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  app.get(NotificationStreams).endAll();
  const sweeper = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    closed.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
  ]);
  clearInterval(sweeper);
  clearTimeout(timer);
  if (timedOut) {
    logger.warn({ message: 'requests still in flight at the shutdown timeout were cut off' });
    server.closeAllConnections();
    await closed;
  }
  await app.close();
  logger.log({ message: 'stopped' });
}
