import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@kongjian/browser-testing';
import { defineConfig } from '@playwright/test';

/**
 * The console's journeys in Debian's Chromium against one real host (built web app and console, demo data,
 * plugins, an admin), on PGlite, or on a fresh PostgreSQL database when DATABASE_URL is set.
 */
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/support/global-setup.ts',
  workers: 2,
  timeout: 180_000,
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
