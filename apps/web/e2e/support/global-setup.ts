import { fileURLToPath } from 'node:url';
import { startTestHost } from '@kongjian/browser-testing';

/** The host the journeys talk to, serving the built web app (`nx run web:test` builds it first). */
export default function globalSetup(): Promise<() => Promise<void>> {
  return startTestHost({ KONGJIAN_WEB_DIR: fileURLToPath(new URL('../../dist', import.meta.url)) });
}
