import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { LIMITS } from './common/limits';
import { ConfigError, loadConfig } from './config/config';
import { createHost } from './host';
import { drainAndClose } from './shutdown';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
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

void main();
