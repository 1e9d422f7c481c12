import type { HostConfig } from '../config/config';
import type { TestApp, TestFactory, TestUser } from '../testing/factory';
import type { TestHost } from '../testing/test-host';
import { OpenApiKit } from './open-api.testing';

/*
 * What the Open API specs (and others that act as an app) share: the file's host with an Open API kit on it
 * and, for the specs about one app and one of its users, that app and the user's token.
 */

export let host: TestHost;
export let factory: TestFactory;
export let kit: OpenApiKit;
export let app: TestApp;
export let user: TestUser;
export let token: string;

/** Starts the file's host (with `overrides`) and its Open API kit before its tests, and closes it after. */
export function useOpenApiHost(overrides: Partial<HostConfig> = {}): void {
  beforeAll(async () => {
    ({ host, factory, kit } = await OpenApiKit.start(overrides));
  });
  afterAll(() => host.close());
}

/** Starts the file's host (with `overrides`) with an approved app and `username`, who has a token for it. */
export function useAppUserHost(username: string, overrides: Partial<HostConfig> = {}): void {
  useOpenApiHost(overrides);
  beforeAll(async () => {
    app = await kit.approvedApp();
    ({ user, token } = await kit.newUserWithToken(username, app));
  });
}
