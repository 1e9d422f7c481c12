import { fileURLToPath } from 'node:url';
import { HostProcess } from '@kongjian/sdk/testing';
import { requireChromium } from './chromium';

/** The built web app, which `nx run web:test` builds first. */
const WEB_DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/** Starts the host every test talks to; tests find it at KONGJIAN_TEST_URL. Returns its teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  requireChromium();
  const host = await HostProcess.start({
    KONGJIAN_WEB_DIR: WEB_DIST,
    KONGJIAN_DEMO_DATA: 'true',
    KONGJIAN_PLUGIN_WORKERS: '1',
  });
  process.env.KONGJIAN_TEST_URL = host.baseUrl;
  return () => host.stop();
}
