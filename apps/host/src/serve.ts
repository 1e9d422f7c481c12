import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { LIMITS } from './common/limits';
import type { HostConfig } from './config/config';
import { createHost } from './host';
import { drainAndClose } from './shutdown';

/** Starts the host, listens, and drains and stops on SIGTERM or SIGINT (`main.ts` loads it once configured). */
export async function serve(config: HostConfig): Promise<void> {
  const app = await createHost(config);
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = LIMITS.keepAliveTimeoutMs;
  // Node's advice: a kept-alive connection's next request must not be cut by the headers timer first.
  server.headersTimeout = LIMITS.keepAliveTimeoutMs + 1000;
  await app.listen(config.port);
  const logger = new Logger('Kongjian');
  logger.log({
    message: `listening at ${config.publicUrl}`,
    port: config.port,
    database: config.databaseMode,
    dataDir: config.databaseMode === 'pglite' ? config.dataDir : undefined,
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    // A second signal (Ctrl-C twice) does not wait for the drain.
    if (stopping) process.exit(1);
    stopping = true;
    logger.log({ message: 'shutting down', signal });
    drainAndClose(app, config).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({
          message: 'shutdown failed',
          error: error instanceof Error ? error.stack : String(error),
        });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
