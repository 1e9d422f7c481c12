import { randomBytes } from 'node:crypto';
import { HostProcess } from '@kongjian/testing';
import { requireChromium } from './chromium';

/**
 * Playwright's global setup for a UI's journeys: the built host with demo data, one plugin worker and an admin
 * (named at start as an operator would), with `env` naming the builds it serves (`KONGJIAN_WEB_DIR`,
 * `KONGJIAN_CONSOLE_DIR`) and any other setting the journeys need.
 * Tests find it at KONGJIAN_TEST_URL and the admin's `username:password` at KONGJIAN_TEST_ADMIN. Returns the
 * teardown.
 */
export async function startTestHost(env: Record<string, string>): Promise<() => Promise<void>> {
  requireChromium();
  const admin = `e2e-admin:${randomBytes(12).toString('hex')}`;
  const host = await HostProcess.start({
    ...env,
    KONGJIAN_DEMO_DATA: 'true',
    KONGJIAN_ADMIN: admin,
  });
  process.env.KONGJIAN_TEST_URL = host.baseUrl;
  process.env.KONGJIAN_TEST_ADMIN = admin;
  return () => host.stop();
}
