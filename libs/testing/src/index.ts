/**
 * Helpers for this repository's tests (Node only; a private workspace package, never published): start a real host,
 * set up users and apps through its HTTP API, and walk through its sign-in and consent pages.
 */
export { authorizeApp, signInAndConsent, type Credentials } from './authorize.js';
export { FormBrowser, parseForms, type FormField, type HtmlForm, type Page } from './browser.js';
export { HostApi, type HostUser, type RegisteredTestApp } from './host-api.js';
export { Cluster } from './cluster.js';
export { freePort, freshDatabase, HostProcess, type HostDatabase } from './host-process.js';
export {
  envOutsideRepository,
  installLuckyDraw,
  installOutsideRepository,
  packSdk,
  startNodeProgram,
  type PackedSdk,
} from './outside-repository.js';
