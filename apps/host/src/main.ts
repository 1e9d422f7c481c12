import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/config';
import { createHost } from './host';

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
  await app.listen(config.port);
  new Logger('Kongjian').log({
    message: `Kongjian is up at ${config.publicUrl}`,
    database: config.databaseMode,
    dataDir: config.databaseMode === 'pglite' ? config.dataDir : undefined,
  });
}

void main();
