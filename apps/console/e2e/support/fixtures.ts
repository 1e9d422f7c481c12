import { fileURLToPath } from 'node:url';
import { createKjTest } from '@kongjian/browser-testing';

export { expect, type HostUser, type KjPage } from '@kongjian/browser-testing';

/** The console's journeys: its namespaces, its screenshots in its test output unless the docs ask. */
export const test = createKjTest({
  screenshotDir: fileURLToPath(new URL('../../test-results/screens', import.meta.url)),
  namespaces: ['console', 'developer', 'review', 'moderation', 'users', 'audit', 'operations'],
});
