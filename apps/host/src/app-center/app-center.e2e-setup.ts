import type { TestApp, TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';
import { OAuthTestClient } from '../testing/oauth-client';

/* What the app center e2e specs share: a developer who publishes apps, and helpers to install and look. */

export const DAY_MS = 24 * 60 * 60 * 1000;

export let oauth: OAuthTestClient;
export let developer: TestUser;

/** Starts the file's host with a developer. */
export function useAppCenterHost(): void {
  useFileHost();
  beforeAll(async () => {
    oauth = new OAuthTestClient(host);
    developer = await factory.newUser('dev');
  });
}

/** A published app with a canvas; `storage` is optional. */
export async function publishedApp(options: { name?: string; scopes?: string[] } = {}): Promise<TestApp> {
  const app = await factory.newApp({
    developer,
    name: options.name,
    scopes: options.scopes ?? ['profile:read', 'storage'],
    optionalScopes: (options.scopes ?? ['storage']).includes('storage') ? ['storage'] : [],
  });
  const edited = await host.patch(`/developer/apps/${app.id}/versions/1`, {
    token: developer.token,
    body: { canvasUrl: 'https://canvas.example/play' },
  });
  expect(edited.status).toBe(200);
  await factory.approveApp(app);
  return app;
}
export const install = (user: TestUser, app: { id: string }, body: object = {}) =>
  host.post(`/app-center/apps/${app.id}/install`, { token: user.token, body });
export const eventsOf = (app: { id: string }) =>
  host.sql<{ type: string; user: string }>(
    "select type, data->>'user' as user from app_event where app_id = ? order by created_at, id",
    [app.id],
  );
export const openidOf = async (user: TestUser, app: { id: string }) =>
  (
    await host.sql<{ openid: string }>(
      'select openid from app_authorization where app_id = ? and user_id = ?',
      [app.id, user.id],
    )
  )[0].openid;
