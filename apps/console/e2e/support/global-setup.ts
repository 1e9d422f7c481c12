import { fileURLToPath } from 'node:url';
import { startTestHost } from '@kongjian/browser-testing';

/**
 * The host the journeys talk to, serving the built console and the web app (whose sign-in page it uses), in
 * development mode so webhooks reach a receiver in the test process on 127.0.0.1, and adding up Open API
 * usage every second so the usage page shows calls without a 10 s wait.
 */
export default function globalSetup(): Promise<() => Promise<void>> {
  return startTestHost({
    KONGJIAN_CONSOLE_DIR: fileURLToPath(new URL('../../dist', import.meta.url)),
    KONGJIAN_WEB_DIR: fileURLToPath(new URL('../../../web/dist', import.meta.url)),
    KONGJIAN_DEV_MODE: 'true',
    KONGJIAN_USAGE_FLUSH_SECONDS: '1',
  });
}
