import type { Server } from 'node:http';
import net from 'node:net';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { LIMITS } from './common/limits';
import type { HostConfig } from './config/config';
import { Readiness } from './health/readiness.service';
import { NotificationStreams } from './notifications/notification-streams';

/** How often the drain looks whether it may close the connections that are idle. */
const IDLE_SWEEP_MS = 50;

/**
 * Drains and stops the host (SIGTERM, SIGINT): readiness answers 503 at once, the server stops accepting,
 * live notification streams end, and requests in flight get up to the shutdown timeout to finish. Every
 * answer from then on closes its connection, and connections still idle are closed once no request has
 * arrived for LIMITS.drainQuietMs (all of them at the timeout). Then Nest's shutdown stops the outbox
 * dispatcher (which releases its leases), the plugin workers and the database.
 *
 * A load balancer keeps pooled connections to every instance and sends a request on one without warning.
 * Closing them at the signal would cut such a request off, and a balancer does not retry a POST it has
 * sent; answered with `Connection: close`, each pooled connection instead leaves after the request it
 * carried, and the balancer's next attempt to connect is refused, which it does retry on another instance.
 */
export async function drainAndClose(app: NestExpressApplication, config: HostConfig): Promise<void> {
  const logger = new Logger('Shutdown');
  const timeoutMs = config.shutdownTimeoutMs ?? LIMITS.shutdownTimeoutMs;
  app.get(Readiness).markDraining();
  const server = app.getHttpServer() as Server;
  logger.log({ message: 'draining', timeoutMs });
  let lastRequestAt = Date.now();
  server.prependListener('request', (_request, response) => {
    lastRequestAt = Date.now();
    response.setHeader('Connection', 'close');
  });
  // net.Server's close only stops accepting; http.Server's would also close the idle connections at once.
  const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
  app.get(NotificationStreams).endAll();
  const sweeper = setInterval(() => {
    if (Date.now() - lastRequestAt >= LIMITS.drainQuietMs) server.closeIdleConnections();
  }, IDLE_SWEEP_MS);
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
