import { ConfigError, loadConfig } from './config/config';
import { beginEmbeddedDatabase } from './database/embedded-database';

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
  // The embedded database starts on a thread of its own before the host's modules load here, so that the
  // two, about a second each, overlap.
  if (config.databaseMode === 'pglite') beginEmbeddedDatabase(config);
  const { serve } = await import('./serve');
  await serve(config);
}

void main();
