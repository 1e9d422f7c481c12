/**
 * Helpers for this repository's tests (Node only; a private workspace package, never published): start a real host,
 * set up users and apps through its HTTP API, and walk through its sign-in and consent pages.
 */
export { signInAndConsent, type Credentials } from './authorize.js';
export { FormBrowser, parseForms, type FormField, type HtmlForm, type Page } from './browser.js';
export { HostApi, type HostUser, type RegisteredTestApp } from './host-api.js';
export { freePort, HostProcess } from './host-process.js';
