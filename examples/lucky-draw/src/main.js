import { ConfigError, loadConfig } from './config.js';
import { createLuckyDrawServer } from './server.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Configuration error: ${error.message}`);
  process.exit(1);
}

const server = await createLuckyDrawServer(config);
server.listen(config.port, () => {
  console.log(
    JSON.stringify({ message: `Lucky Draw is up at ${config.publicUrl}`, kongjian: config.kongjianUrl }),
  );
});
// Stop cleanly on Ctrl-C and when a supervisor (or a test) asks.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close(() => process.exit(0)));
