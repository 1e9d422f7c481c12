import { kjPlaywrightConfig } from '@kongjian/browser-testing';

/** The web app's journeys (built app, demo data, plugins). */
export default kjPlaywrightConfig({ timeout: 90_000 });
