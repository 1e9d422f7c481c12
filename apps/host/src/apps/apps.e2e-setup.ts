import type { TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';

/* What the apps' e2e specs share: a developer (and an admin to review), and the bodies they register apps with. */

export let developer: TestUser;
export let admin: TestUser;

/** Starts the file's host with a user registered as a developer. */
export function useAppsHost(): void {
  useFileHost();
  beforeAll(async () => {
    developer = await factory.newUser('dev');
    await host.post('/developer/registration', { token: developer.token });
  });
}

/**
 * Starts the file's host with the admin who reviews versions and a user who is not a developer yet: the
 * factory registers them with their first app.
 */
export function useReviewHost(): void {
  useFileHost();
  beforeAll(async () => {
    developer = await factory.newUser('dev');
    admin = await factory.admin();
  });
}

export const appBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Lucky Draw',
  description: 'Draw a friend',
  category: 'games',
  redirectUris: ['https://lucky.example/callback', 'http://127.0.0.1/callback'],
  scopes: ['profile:read', 'friends:read', 'feed:write'],
  optionalScopes: ['feed:write'],
  ...overrides,
});
export const listing = (overrides: Record<string, unknown> = {}) => ({
  name: 'Lucky Draw',
  description: 'Draw a friend',
  category: 'games',
  ...overrides,
});
export const manifest = (overrides: Record<string, unknown> = {}) => ({
  redirectUris: ['https://lucky.example/callback'],
  scopes: ['profile:read'],
  ...overrides,
});
export const appCount = async () =>
  Number((await host.sql<{ n: string }>('select count(*) as n from app'))[0].n);
