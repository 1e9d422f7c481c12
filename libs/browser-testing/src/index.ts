export { CHROMIUM_ARGS, CHROMIUM_PATH, requireChromium } from './chromium';
export { kjPlaywrightConfig } from './config';
export { startTestHost } from './test-host';
export {
  createKjTest,
  DEMO_PASSWORD,
  DESKTOP,
  expect,
  KjPage,
  type HostUser,
  type KjTestOptions,
  type Language,
  PHONE,
} from './kj-test';
