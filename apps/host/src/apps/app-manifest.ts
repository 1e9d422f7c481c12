import { invalidField } from '../common/problem';
import type { EventType } from '../events/event-types';
import { assertDeliverableWebhookUrl } from '../events/webhook-address';
import { normalizeScopes, type Scope } from './scopes';

export const APP_CATEGORIES = [
  'games',
  'social',
  'tools',
  'lifestyle',
  'entertainment',
  'education',
] as const;
export type AppCategory = (typeof APP_CATEGORIES)[number];

/** How the app center lists an app: the developer may change it at any time, without review. */
export interface AppListing {
  name: string;
  description: string;
  iconUrl: string | null;
  category: AppCategory;
}

/** What a version asks of users and of the platform; an admin reviews it before users get it. */
export interface AppManifest {
  /** A label the developer gives the version, such as "1.2.0". */
  versionName: string | null;
  /** Every scope the app may ask for. */
  scopes: Scope[];
  /** The part of `scopes` a user may untick on the consent page. */
  optionalScopes: Scope[];
  /** The event types the app wants delivered. */
  events: EventType[];
  /** Where the app center opens the app; null for an app that only has a website. */
  canvasUrl: string | null;
  /** A built-in app's plugin (`plugins/<id>/`), whose code the host runs. */
  pluginId: string | null;
  webhookUrl: string | null;
  redirectUris: string[];
}

/** What a developer registers: the listing and the manifest of version 1. */
export type AppDetails = AppListing & Omit<AppManifest, 'pluginId'>;

/** Every optional scope must be one the version asks for; a stray one is a mistake in the request. */
export function assertOptionalScopesAsked(manifest: Pick<AppManifest, 'scopes' | 'optionalScopes'>): void {
  const stray = manifest.optionalScopes.filter((scope) => !manifest.scopes.includes(scope));
  if (stray.length > 0) {
    throw invalidField('optionalScopes', `optionalScopes must also be listed in scopes: ${stray.join(', ')}`);
  }
}

/** Manifests in one canonical shape, so comparing two of them compares what they ask for. */
export function canonicalManifest(manifest: AppManifest): AppManifest {
  return {
    versionName: manifest.versionName,
    scopes: normalizeScopes(manifest.scopes),
    optionalScopes: normalizeScopes(manifest.optionalScopes),
    events: [...new Set(manifest.events)].sort(),
    canvasUrl: manifest.canvasUrl,
    pluginId: manifest.pluginId,
    webhookUrl: manifest.webhookUrl,
    redirectUris: manifest.redirectUris,
  };
}

/** The manifest of a developer's app (never a plugin's), checked and in canonical form. */
export function developerManifest(manifest: Omit<AppManifest, 'pluginId'>): AppManifest {
  assertOptionalScopesAsked(manifest);
  return canonicalManifest({ ...manifest, pluginId: null });
}

/** Refuses a webhook URL the host would never deliver to (private or loopback outside development mode). */
export async function checkWebhookUrl(
  manifest: Pick<AppManifest, 'webhookUrl'>,
  devMode: boolean,
): Promise<void> {
  if (manifest.webhookUrl !== null) await assertDeliverableWebhookUrl(manifest.webhookUrl, devMode);
}
