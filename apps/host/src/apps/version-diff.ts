import type { EventType } from '../events/event-types';
import type { AppListing, AppManifest } from './app-manifest';
import { normalizeScopes, type Scope } from './scopes';

/** What one list gained and lost. */
export interface ListChange<T> {
  added: T[];
  removed: T[];
}

/** A single value that changed; null in a diff when it did not. */
export interface ValueChange {
  from: string | null;
  to: string | null;
}

export const LISTING_FIELDS = ['name', 'description', 'iconUrl', 'category'] as const;
export type ListingField = (typeof LISTING_FIELDS)[number];

export interface ListingChange extends ValueChange {
  field: ListingField;
}

/** How a version's manifest differs from the published one's: what a reviewer and a developer look at. */
export interface ManifestDiff {
  /** Scopes users must grant (scopes that are not optional). */
  requiredScopes: ListChange<Scope>;
  optionalScopes: ListChange<Scope>;
  events: ListChange<EventType>;
  redirectUris: ListChange<string>;
  canvasUrl: ValueChange | null;
  webhookUrl: ValueChange | null;
  versionName: ValueChange | null;
}

function listChange<T>(before: readonly T[], after: readonly T[]): ListChange<T> {
  return {
    added: after.filter((item) => !before.includes(item)),
    removed: before.filter((item) => !after.includes(item)),
  };
}

function valueChange(from: string | null, to: string | null): ValueChange | null {
  return from === to ? null : { from, to };
}

const required = (manifest: AppManifest): Scope[] =>
  normalizeScopes(manifest.scopes.filter((scope) => !manifest.optionalScopes.includes(scope)));

/**
 * `target` against `base`; with no base (nothing published yet) everything the target asks for is
 * added. A scope that moves between required and optional shows in both lists.
 */
export function manifestDiff(base: AppManifest | null, target: AppManifest): ManifestDiff {
  return {
    requiredScopes: listChange(base ? required(base) : [], required(target)),
    optionalScopes: listChange(
      base ? normalizeScopes(base.optionalScopes) : [],
      normalizeScopes(target.optionalScopes),
    ),
    events: listChange(base?.events ?? [], target.events),
    redirectUris: listChange(base?.redirectUris ?? [], target.redirectUris),
    canvasUrl: valueChange(base?.canvasUrl ?? null, target.canvasUrl),
    webhookUrl: valueChange(base?.webhookUrl ?? null, target.webhookUrl),
    versionName: valueChange(base?.versionName ?? null, target.versionName),
  };
}

/** The listing fields that differ, in a fixed order; with no base every field that is set is new. */
export function listingDiff(base: AppListing | null, current: AppListing): ListingChange[] {
  return LISTING_FIELDS.flatMap((field) => {
    const change = valueChange(base?.[field] ?? null, current[field]);
    return change ? [{ field, ...change }] : [];
  });
}
