import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { HostProcess } from '@kongjian/testing';
import { requireChromium } from './chromium';

/** The built web app, which `nx run web:test` builds first. */
const WEB_DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/**
 * Starts the host every test talks to; tests find it at KONGJIAN_TEST_URL and its admin's `username:password`
 * at KONGJIAN_TEST_ADMIN. Returns its teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  requireChromium();
  // An admin, as an operator names one, for the journeys that need keyword rules or coins.
  const admin = `e2e-admin:${randomBytes(12).toString('hex')}`;
  const host = await HostProcess.start({
    KONGJIAN_WEB_DIR: WEB_DIST,
    KONGJIAN_DEMO_DATA: 'true',
    KONGJIAN_PLUGIN_WORKERS: '1',
    KONGJIAN_ADMIN: admin,
  });
  process.env.KONGJIAN_TEST_URL = host.baseUrl;
  process.env.KONGJIAN_TEST_ADMIN = admin;
  return () => host.stop();
}
