import type { AppManifest } from './app-manifest';
import type { ListingChange, ManifestDiff } from './version-diff';
import type { VersionStatus } from './version-lifecycle';

export interface AppVersion {
  appId: string;
  number: number;
  manifest: AppManifest;
  status: VersionStatus;
  /** Why an admin rejected it. */
  statusReason: string | null;
  /** What the developer told the reviewer when submitting it. */
  submitNote: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface VersionDiff extends ManifestDiff {
  /** The published version the diff is against; null while nothing is published. */
  baseVersion: number | null;
  listing: ListingChange[];
}

export interface StatusChange {
  /** The version that moved; null for app-level changes (suspend, reinstate, first publication). */
  versionNumber: number | null;
  fromStatus: string;
  toStatus: string;
  actorId: string | null;
  reason: string | null;
  createdAt: Date;
}
