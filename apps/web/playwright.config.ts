import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@kongjian/browser-testing';

/**
 * The web app's journeys in Debian's Chromium against one real host (built app, demo data, plugins), started
 * by the global setup on PGlite, or on a fresh PostgreSQL database when DATABASE_URL is set.
 */
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/support/global-setup.ts',
  // Two workers for the machine's two cores; every test makes its own people, so they never share state.
  workers: 2,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    locale: 'zh-CN',
    viewport: { width: 1280, height: 860 },
    actionTimeout: 15_000,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
});
