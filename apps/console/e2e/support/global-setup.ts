import { fileURLToPath } from 'node:url';
import { startTestHost } from '@kongjian/browser-testing';

/** The host the journeys talk to, serving the built console and the web app (whose sign-in page it uses). */
export default function globalSetup(): Promise<() => Promise<void>> {
  return startTestHost({
    KONGJIAN_CONSOLE_DIR: fileURLToPath(new URL('../../dist', import.meta.url)),
    KONGJIAN_WEB_DIR: fileURLToPath(new URL('../../../web/dist', import.meta.url)),
  });
}
