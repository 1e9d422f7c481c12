import { ALL_SCOPES, OpenApiKit } from '../open-api/open-api.testing';
import type { TestApp, TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';
import { OAuthTestClient } from '../testing/oauth-client';

/* What the user suspension e2e specs share: an admin, an app that may do everything, and a way to suspend. */

export let kit: OpenApiKit;
export let oauth: OAuthTestClient;
export let admin: TestUser;
export let app: TestApp;

/** Starts the file's host with an admin and an approved app that asks for every scope (and gifts). */
export function useSuspensionHost(): void {
  useFileHost();
  beforeAll(async () => {
    kit = new OpenApiKit(host, factory);
    oauth = new OAuthTestClient(host);
    admin = await factory.admin();
    app = await kit.approvedApp({ scopes: [...ALL_SCOPES, 'gifts:send'] });
  });
}

export const setSuspended = async (user: TestUser, suspended: boolean) => {
  const response = await host.post(`/admin/users/${user.id}/${suspended ? 'suspend' : 'unsuspend'}`, {
    token: admin.token,
    body: suspended ? { reason: 'Spam' } : {},
  });
  expect(response.status).toBe(200);
};
