import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

/**
 * A UI's journeys in Debian's Chromium against one real host, started by its `e2e/support/global-setup.ts`
 * on PGlite, or on a fresh PostgreSQL database when DATABASE_URL is set; `timeout` is one test's budget.
 */
export function kjPlaywrightConfig({ timeout }: { timeout: number }) {
  return defineConfig({
    testDir: 'e2e',
    globalSetup: './e2e/support/global-setup.ts',
    // Two workers for the machine's two cores; every test makes its own people, so they never share state.
    workers: 2,
    timeout,
    expect: { timeout: 15_000 },
    reporter: [['list']],
    outputDir: 'test-results',
    use: {
      locale: 'zh-CN',
      viewport: { width: 1280, height: 860 },
      actionTimeout: 15_000,
      // See openTab: dialogs and menus without motion.
      reducedMotion: 'reduce',
      launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    },
  });
}
