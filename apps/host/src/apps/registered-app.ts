import type { EventType } from '../events/event-types';
import type { AppCategory, AppListing, AppManifest } from './app-manifest';
import type { Scope } from './scopes';

export type AppStatus = 'development' | 'published' | 'suspended';
export type ClientType = 'confidential' | 'public';

export interface RegisteredApp extends AppListing, Omit<AppManifest, 'versionName'> {
  id: string;
  clientId: string;
  ownerId: string;
  /** The developer as users see them: their nickname, or username without a space. */
  ownerName: string;
  clientType: ClientType;
  status: AppStatus;
  /** Why an admin suspended it, shown to its developer. */
  statusReason: string | null;
  /** The version users get; null while the app is in development. */
  publishedVersion: number | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** How lists attribute content to apps (stories in the feed). */
export interface AppLabel {
  id: string;
  name: string;
  iconUrl: string | null;
}

/** A built-in app (a plugin) as its manifest in `plugins/<id>/` describes it. */
export interface BuiltInAppSpec {
  pluginId: string;
  name: string;
  description: string;
  category: AppCategory;
  iconUrl: string | null;
  canvasUrl: string;
  scopes: Scope[];
  optionalScopes: Scope[];
  events: EventType[];
  version: string;
}

/** An admin's decision about an app, which its developer is told about. */
export interface AppDecision {
  appId: string;
  ownerId: string;
  decision: 'approved' | 'rejected' | 'suspended' | 'reinstated';
  /** The version approved or rejected; null for the app's suspension and reinstatement. */
  versionNumber: number | null;
  /** The admin's reason (required to reject and suspend), shown to the developer. */
  reason: string | null;
}

export interface AppTester {
  userId: string;
  addedAt: Date;
}
