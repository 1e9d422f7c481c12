import { fileURLToPath } from 'node:url';
import { createKjTest } from '@kongjian/browser-testing';

export { expect, KjPage, type HostUser } from '@kongjian/browser-testing';

/** The console's namespaces, and its screenshots in its test output unless the docs ask. */
export const CONSOLE_TEST_OPTIONS = {
  screenshotDir: fileURLToPath(new URL('../../test-results/screens', import.meta.url)),
  namespaces: ['console', 'developer', 'review', 'moderation', 'users', 'audit', 'operations'],
};

/** The console's journeys. */
export const test = createKjTest(CONSOLE_TEST_OPTIONS);
