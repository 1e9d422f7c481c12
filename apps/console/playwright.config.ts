import { kjPlaywrightConfig } from '@kongjian/browser-testing';

/** The console's journeys (built console and web app, demo data, plugins, an admin): long, several people each. */
export default kjPlaywrightConfig({ timeout: 180_000 });
