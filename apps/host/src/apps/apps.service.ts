import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { SYSTEM_ACCOUNT_KEY } from '../accounts/accounts.repository';
import { AccountsService } from '../accounts/accounts.service';
import type { AuditAction, AuditDetail } from '../audit/audit-actions';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import { conflict, invalidField, notFound, ProblemException } from '../common/problem';
import { ChangeCache, ChangeFeed } from '../database/change-feed';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import type { EventType } from '../events/event-types';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { assertDeliverableWebhookUrl } from '../events/webhook-address';
import { UserDirectoryService } from '../spaces/user-directory.service';
import { processIcon } from '../albums/image-processing';
import { PhotoStorage } from '../albums/photo-storage';
import type { Keyset } from '../common/pagination';
import { AppsRepository, VERSION_COLUMNS, type VersionRow } from './apps.repository';
import { normalizeScopes, Scope } from './scopes';
import { listingDiff, type ListingChange, manifestDiff, type ManifestDiff } from './version-diff';
import { MetaRepository } from '../database/meta.repository';
import {
  assertEditable,
  assertNewVersionAllowed,
  nextVersionStatus,
  type VersionAction,
  type VersionStatus,
} from './version-lifecycle';

export type AppStatus = 'development' | 'published' | 'suspended';
export type ClientType = 'confidential' | 'public';

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

/** The account that owns the built-in apps: the platform itself, which nobody can sign in as. */
const SYSTEM_USERNAME = 'kongjian';
/** Not a scrypt hash, so no password ever verifies against it. */
const UNUSABLE_PASSWORD_HASH = '!';

export interface AppLabel {
  id: string;
  name: string;
  iconUrl: string | null;
}

export interface VersionDiff extends ManifestDiff {
  /** The published version the diff is against; null while nothing is published. */
  baseVersion: number | null;
  listing: ListingChange[];
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

export interface StatusChange {
  /** The version that moved; null for app-level changes (suspend, reinstate, first publication). */
  versionNumber: number | null;
  fromStatus: string;
  toStatus: string;
  actorId: string | null;
  reason: string | null;
  createdAt: Date;
}

interface AppRow {
  id: string;
  client_id: string;
  owner_id: string;
  name: string;
  description: string;
  icon_url: string | null;
  category: AppCategory;
  redirect_uris: string[];
  scopes: Scope[];
  optional_scopes: Scope[];
  events: EventType[];
  canvas_url: string | null;
  plugin_id: string | null;
  webhook_url: string | null;
  client_type: ClientType;
  status: AppStatus;
  status_reason: string | null;
  published_version: number | null;
  published_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const APP_COLUMNS = `id, client_id, owner_id, name, description, icon_url, category, redirect_uris, scopes,
  optional_scopes, events, canvas_url, plugin_id, webhook_url, client_type, status, status_reason,
  published_version, published_at, created_at, updated_at`;

/** Every optional scope must be one the version asks for; a stray one is a mistake in the request. */
function assertOptionalScopesAsked(manifest: Pick<AppManifest, 'scopes' | 'optionalScopes'>): void {
  const stray = manifest.optionalScopes.filter((scope) => !manifest.scopes.includes(scope));
  if (stray.length > 0) {
    throw invalidField('optionalScopes', `optionalScopes must also be listed in scopes: ${stray.join(', ')}`);
  }
}

/** Where the app center serves an uploaded icon; `v` changes with the image, so browsers may cache it for good. */
export const uploadedIconUrl = (appId: string, image: Buffer) =>
  `/app-center/apps/${appId}/icon?v=${createHash('sha256').update(image).digest('hex').slice(0, 12)}`;
/** An uploaded icon's URL: the one listing URL that is not an absolute https one. */
export const UPLOADED_ICON_URL = /^\/app-center\/apps\/[0-9a-f-]{36}\/icon\?v=[0-9a-f]{12}$/;
const iconKey = (appId: string) => `${appId}/icon`;

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

/** Client secrets carry 256 random bits, so a plain sha256 is as good as a slow hash and keeps token calls fast. */
function newClientSecret(): { secret: string; hash: string } {
  const secret = `kjs_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashSecret(secret).toString('hex') };
}

function toVersion(row: VersionRow): AppVersion {
  return {
    appId: row.app_id,
    number: row.number,
    manifest: row.manifest,
    status: row.status,
    statusReason: row.status_reason,
    submitNote: row.submit_note,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** Manifests in one canonical shape, so comparing two of them compares what they ask for. */
function canonicalManifest(manifest: AppManifest): AppManifest {
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

function manifestOf(details: AppDetails): AppManifest {
  assertOptionalScopesAsked(details);
  return canonicalManifest({
    versionName: details.versionName,
    scopes: details.scopes,
    optionalScopes: details.optionalScopes,
    events: details.events,
    canvasUrl: details.canvasUrl,
    pluginId: null,
    webhookUrl: details.webhookUrl,
    redirectUris: details.redirectUris,
  });
}

/**
 * The app registry: developers register apps, write versions and submit them for review, rotate
 * secrets and whitelist testers; admins approve or reject versions and suspend or reinstate apps
 * (every change recorded with who and why). The app's manifest columns always hold what users get:
 * the published version's manifest, or the newest version's while nothing is published yet.
 */
@Injectable()
export class AppsService {
  /** Each client's credentials and app by client id, until the app (or its owner's name) changes. */
  private readonly clients: ChangeCache<{ secretHash: string | null; app: RegisteredApp }>;
  private readonly decisionListeners: ((decision: AppDecision) => void)[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly repository: AppsRepository,
    private readonly accounts: AccountsService,
    private readonly directory: UserDirectoryService,
    private readonly audit: AuditService,
    private readonly storage: PhotoStorage,
    private readonly meta: MetaRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    changes: ChangeFeed,
  ) {
    this.clients = changes.cache('clients', LIMITS.changeCacheEntries);
  }

  /**
   * Lets a module that depends on apps hear of admins' decisions (notifications tell the developer)
   * without apps depending on it. Listeners run inside the decision's transaction, so what they
   * record is kept exactly when the decision is.
   */
  onDecision(listener: (decision: AppDecision) => void): void {
    this.decisionListeners.push(listener);
  }

  private decided(decision: AppDecision): void {
    for (const listener of this.decisionListeners) listener(decision);
  }

  private async toApps(rows: AppRow[]): Promise<RegisteredApp[]> {
    const owners = await this.directory.summaries(rows.map((row) => row.owner_id));
    return rows.map((row) => ({
      id: row.id,
      clientId: row.client_id,
      ownerId: row.owner_id,
      ownerName: owners.get(row.owner_id)?.nickname ?? 'unknown',
      name: row.name,
      description: row.description,
      iconUrl: row.icon_url,
      category: row.category,
      redirectUris: row.redirect_uris,
      scopes: normalizeScopes(row.scopes),
      optionalScopes: normalizeScopes(row.optional_scopes),
      events: row.events,
      canvasUrl: row.canvas_url,
      pluginId: row.plugin_id,
      webhookUrl: row.webhook_url,
      clientType: row.client_type,
      status: row.status,
      statusReason: row.status_reason,
      publishedVersion: row.published_version,
      publishedAt: row.published_at === null ? null : new Date(row.published_at),
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
    }));
  }

  private async findOne(
    column: 'id' | 'client_id' | 'plugin_id',
    value: string,
    lock = false,
  ): Promise<RegisteredApp | null> {
    const rows = await sqlRows<AppRow>(
      this.em,
      `select ${APP_COLUMNS} from app where ${column} = ?${lock ? ' for update' : ''}`,
      [value],
    );
    return rows.length === 0 ? null : (await this.toApps(rows))[0];
  }

  findById(appId: string): Promise<RegisteredApp | null> {
    return this.findOne('id', appId);
  }

  findByClientId(clientId: string): Promise<RegisteredApp | null> {
    return this.findOne('client_id', clientId);
  }

  findByPluginId(pluginId: string): Promise<RegisteredApp | null> {
    return this.findOne('plugin_id', pluginId);
  }

  async byIds(appIds: string[]): Promise<Map<string, RegisteredApp>> {
    if (appIds.length === 0) return new Map();
    const rows = await sqlRows<AppRow>(this.em, `select ${APP_COLUMNS} from app where id = any(?::uuid[])`, [
      uuidArray([...new Set(appIds)]),
    ]);
    return new Map((await this.toApps(rows)).map((app) => [app.id, app]));
  }

  /** Apps in the order of the SQL that found them (the app center's lists). */
  async inOrder(query: string, params: unknown[]): Promise<RegisteredApp[]> {
    return this.toApps(await sqlRows<AppRow>(this.em, query.replace('$columns', APP_COLUMNS), params));
  }

  /** How lists attribute content to apps (stories in the feed): name and icon in one query, nothing else. */
  async labels(appIds: string[]): Promise<Map<string, AppLabel>> {
    if (appIds.length === 0) return new Map();
    const rows = await sqlRows<{ id: string; name: string; icon_url: string | null }>(
      this.em,
      'select id, name, icon_url from app where id = any(?::uuid[])',
      [uuidArray([...new Set(appIds)])],
    );
    return new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, iconUrl: row.icon_url }]));
  }

  /** Null when the client is unknown, or confidential and the secret is missing or wrong. */
  async authenticateClient(clientId: string, secret: string | undefined): Promise<RegisteredApp | null> {
    const client = await this.clients.read(clientId, async () => {
      const rows = await sqlRows<AppRow & { secret_hash: string | null }>(
        this.em,
        `select ${APP_COLUMNS}, secret_hash from app where client_id = ?`,
        [clientId],
      );
      if (rows.length === 0) return null;
      const [app] = await this.toApps(rows);
      return {
        value: { secretHash: rows[0].secret_hash, app },
        tags: [`app:${app.id}`, `user:${app.ownerId}`],
      };
    });
    if (!client) return null;
    if (client.app.clientType === 'confidential') {
      if (secret === undefined || client.secretHash === null) return null;
      const expected = Buffer.from(client.secretHash, 'hex');
      if (!timingSafeEqual(expected, hashSecret(secret))) return null;
    }
    return client.app;
  }

  async isTester(appId: string, userId: string): Promise<boolean> {
    const rows = await sqlRows(this.em, 'select 1 from app_tester where app_id = ? and user_id = ?', [
      appId,
      userId,
    ]);
    return rows.length > 0;
  }

  /**
   * Development mode: until a version is published, only the app's developer and whitelisted testers
   * may authorize or install it; a suspended app nobody may.
   */
  async mayAuthorize(app: RegisteredApp, userId: string): Promise<boolean> {
    if (app.status === 'suspended') return false;
    if (app.status === 'published' || app.ownerId === userId) return true;
    return (await this.isTester(app.id, userId)) || (await this.isReviewer(userId));
  }

  /**
   * Admins review apps, so they are testers of every app: they may install, sign in to and open an app
   * in development mode, and open any version's canvas, to try what they are asked to approve.
   */
  private async isReviewer(userId: string): Promise<boolean> {
    return (await this.accounts.getUser(userId)).roles.includes('admin');
  }

  /** Who may open a version that users do not have yet: its developer, its testers and reviewers. */
  async mayTest(app: RegisteredApp, userId: string): Promise<boolean> {
    if (app.status === 'suspended') return false;
    return app.ownerId === userId || (await this.isTester(app.id, userId)) || (await this.isReviewer(userId));
  }

  // ── built-in apps ────────────────────────────────────────────────────────

  /**
   * Registers a plugin as a published app owned by the platform, or brings an earlier registration up
   * to date: the listing follows the manifest at every start, and a changed manifest is published as a
   * new version (the platform reviews its own code in the repository). A public client without
   * redirect URIs: plugins get their tokens from the host, never through a browser redirect.
   */
  async registerBuiltIn(spec: BuiltInAppSpec): Promise<RegisteredApp> {
    return this.em.transactional(async () => {
      const ownerId = await this.systemAccountId();
      const listing: AppListing = {
        name: spec.name,
        description: spec.description,
        iconUrl: spec.iconUrl,
        category: spec.category,
      };
      const manifest = canonicalManifest({
        versionName: spec.version,
        scopes: spec.scopes,
        optionalScopes: spec.optionalScopes,
        events: spec.events,
        canvasUrl: spec.canvasUrl,
        pluginId: spec.pluginId,
        webhookUrl: null,
        redirectUris: [],
      });
      const existing = await this.findOne('plugin_id', spec.pluginId, true);
      const id = existing?.id ?? (await this.insertApp(ownerId, listing, 'public', spec.pluginId)).id;
      if (existing) await this.updateListing(id, listing);
      const published = existing?.publishedVersion ? await this.version(id, existing.publishedVersion) : null;
      // jsonb reorders keys, so both sides are compared in canonical form.
      if (!published || JSON.stringify(canonicalManifest(published.manifest)) !== JSON.stringify(manifest)) {
        const number = await this.insertVersion(id, manifest, 'approved');
        await this.moveVersion(ownerId, id, number, 'publish', 'Built-in plugin, published by the platform');
      }
      return (await this.findById(id))!;
    });
  }

  /** The platform's own account, created on first use and remembered in `kongjian_meta`. */
  private async systemAccountId(): Promise<string> {
    const known = await this.meta.get<string>(SYSTEM_ACCOUNT_KEY);
    if (known) return known;
    const [taken] = await sqlRows(this.em, 'select 1 from user_account where username_key = ?', [
      SYSTEM_USERNAME,
    ]);
    if (taken) {
      throw new Error(
        `The username "${SYSTEM_USERNAME}" belongs to a person; the built-in apps need it for the platform`,
      );
    }
    const id = newId();
    await sqlRun(
      this.em,
      `insert into user_account (id, username, username_key, password_hash, roles, created_at)
       values (?, ?, ?, ?, '{user,developer}', ?)`,
      [id, SYSTEM_USERNAME, SYSTEM_USERNAME, UNUSABLE_PASSWORD_HASH, this.clock.now()],
    );
    await this.meta.add(SYSTEM_ACCOUNT_KEY, id);
    return id;
  }

  // ── developers ───────────────────────────────────────────────────────────

  async registerDeveloper(userId: string): Promise<void> {
    await this.accounts.addRole(userId, 'developer');
  }

  /** The app, if `developerId` owns it; a stranger gets the same 404 as for a missing app. */
  async owned(developerId: string, appId: string, lock = false): Promise<RegisteredApp> {
    const app = await this.findOne('id', appId, lock);
    if (!app || app.ownerId !== developerId) throw notFound('App');
    return app;
  }

  async listOwned(developerId: string): Promise<RegisteredApp[]> {
    const rows = await sqlRows<AppRow>(
      this.em,
      `select ${APP_COLUMNS} from app where owner_id = ? order by created_at desc, id desc`,
      [developerId],
    );
    return this.toApps(rows);
  }

  /** Refuses a webhook URL the host would never deliver to (private or loopback outside development mode). */
  private async checkWebhookUrl(manifest: Pick<AppManifest, 'webhookUrl'>): Promise<void> {
    if (manifest.webhookUrl !== null)
      await assertDeliverableWebhookUrl(manifest.webhookUrl, this.config.devMode ?? false);
  }

  /** Registers an app with its listing and version 1 as a draft; it is in development mode. */
  async create(
    developerId: string,
    details: AppDetails,
    clientType: ClientType,
  ): Promise<{ app: RegisteredApp; clientSecret: string | null }> {
    const manifest = manifestOf(details);
    await this.checkWebhookUrl(manifest);
    return this.em.transactional(async () => {
      // Serialises one developer's registrations so the per-developer cap holds under concurrency.
      await sqlRows(this.em, 'select id from user_account where id = ? for update', [developerId]);
      const [{ count }] = await sqlRows<{ count: string | number }>(
        this.em,
        'select count(*) as count from app where owner_id = ?',
        [developerId],
      );
      if (Number(count) >= LIMITS.appsPerDeveloper) {
        throw conflict('limit_reached', `A developer can register at most ${LIMITS.appsPerDeveloper} apps`);
      }
      const { id, clientSecret } = await this.insertApp(developerId, details, clientType, null);
      await this.insertVersion(id, manifest, 'draft');
      return { app: (await this.findById(id))!, clientSecret };
    });
  }

  private async insertApp(
    ownerId: string,
    listing: AppListing,
    clientType: ClientType,
    pluginId: string | null,
  ): Promise<{ id: string; clientSecret: string | null }> {
    const credentials = clientType === 'confidential' ? newClientSecret() : null;
    const id = newId();
    const now = this.clock.now();
    await sqlRun(
      this.em,
      `insert into app (id, client_id, owner_id, name, description, icon_url, category, redirect_uris, scopes,
         optional_scopes, client_type, secret_hash, status, plugin_id, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, '{}', '{}', '{}', ?, ?, 'development', ?, ?, ?)`,
      [
        id,
        `kjc_${randomBytes(12).toString('base64url')}`,
        ownerId,
        listing.name,
        listing.description,
        listing.iconUrl,
        listing.category,
        clientType,
        credentials?.hash ?? null,
        pluginId,
        now,
        now,
      ],
    );
    return { id, clientSecret: credentials?.secret ?? null };
  }

  /** Edits how the app center lists the app; takes effect at once (listings are not reviewed). */
  async update(developerId: string, appId: string, listing: AppListing): Promise<RegisteredApp> {
    return this.em.transactional(async () => {
      const app = await this.owned(developerId, appId, true);
      // An uploaded icon's URL may be sent back as it is (the listing is replaced whole), never another's.
      if (
        listing.iconUrl !== null &&
        UPLOADED_ICON_URL.test(listing.iconUrl) &&
        listing.iconUrl !== app.iconUrl
      ) {
        throw invalidField(
          'iconUrl',
          'iconUrl may name only this app’s own uploaded icon; upload a new one instead',
        );
      }
      await this.updateListing(appId, listing);
      return (await this.findById(appId))!;
    });
  }

  private async updateListing(appId: string, listing: AppListing): Promise<void> {
    await sqlRun(
      this.em,
      'update app set name = ?, description = ?, icon_url = ?, category = ?, updated_at = ? where id = ?',
      [listing.name, listing.description, listing.iconUrl, listing.category, this.clock.now(), appId],
    );
  }

  /** A new secret replaces the old one at once; it is shown this one time and stored only as a hash. */
  async rotateSecret(developerId: string, appId: string): Promise<string> {
    return this.em.transactional(async () => {
      const app = await this.owned(developerId, appId, true);
      if (app.clientType !== 'confidential') {
        throw conflict('conflict', 'A public client has no secret; it authenticates with PKCE alone');
      }
      const credentials = newClientSecret();
      await sqlRun(this.em, 'update app set secret_hash = ?, updated_at = ? where id = ?', [
        credentials.hash,
        this.clock.now(),
        appId,
      ]);
      return credentials.secret;
    });
  }

  async delete(developerId: string, appId: string): Promise<void> {
    await this.em.transactional(async () => {
      await this.owned(developerId, appId, true);
      await sqlRun(this.em, 'delete from app where id = ?', [appId]);
    });
    await this.storage.delete(iconKey(appId));
  }

  /**
   * Re-encodes an uploaded image into the app's icon (a square WebP, see `processIcon`) and lists the
   * app with it at once, like any listing change. A refused image changes nothing.
   */
  async setIcon(developerId: string, appId: string, upload: Buffer): Promise<RegisteredApp> {
    await this.owned(developerId, appId);
    const icon = await processIcon(upload);
    return this.em.transactional(async () => {
      await this.owned(developerId, appId, true);
      await this.storage.put(iconKey(appId), icon);
      await sqlRun(this.em, 'update app set icon_url = ?, updated_at = ? where id = ?', [
        uploadedIconUrl(appId, icon),
        this.clock.now(),
        appId,
      ]);
      return (await this.findById(appId))!;
    });
  }

  /** The uploaded icon's image (WebP), or null when the app has none. */
  iconImage(appId: string): Promise<Buffer | null> {
    return this.storage.get(iconKey(appId));
  }

  async listTesters(developerId: string, appId: string): Promise<AppTester[]> {
    await this.owned(developerId, appId);
    const rows = await sqlRows<{ user_id: string; added_at: Date | string }>(
      this.em,
      'select user_id, added_at from app_tester where app_id = ? order by added_at, user_id',
      [appId],
    );
    return rows.map((row) => ({ userId: row.user_id, addedAt: new Date(row.added_at) }));
  }

  /** Whitelists a tester, or finds them already whitelisted; either way says since when. */
  async addTester(developerId: string, appId: string, testerId: string): Promise<AppTester> {
    return this.em.transactional(async () => {
      await this.owned(developerId, appId, true);
      if (testerId === developerId) {
        throw new ProblemException(
          HttpStatus.CONFLICT,
          'cannot_target_self',
          'The developer cannot be a tester: they can always use their own app',
        );
      }
      await this.accounts.getUser(testerId);
      const since = await this.repository.testerAddedAt(appId, testerId);
      if (since) return { userId: testerId, addedAt: since };
      const [{ count }] = await sqlRows<{ count: string | number }>(
        this.em,
        'select count(*) as count from app_tester where app_id = ?',
        [appId],
      );
      if (Number(count) >= LIMITS.appTestersMax) {
        throw conflict('limit_reached', `An app can have at most ${LIMITS.appTestersMax} testers`);
      }
      const addedAt = this.clock.now();
      await sqlRun(this.em, 'insert into app_tester (app_id, user_id, added_at) values (?, ?, ?)', [
        appId,
        testerId,
        addedAt,
      ]);
      return { userId: testerId, addedAt };
    });
  }

  /**
   * `addTester` for the username a developer knows their tester by (any letter case). The app is
   * checked first, so a stranger learns nothing about usernames through someone else's app.
   */
  async addTesterByUsername(developerId: string, appId: string, username: string): Promise<AppTester> {
    await this.owned(developerId, appId);
    const tester = await this.accounts.findByUsername(username).catch((error: unknown) => {
      throw error instanceof ProblemException && error.status === HttpStatus.NOT_FOUND
        ? new ProblemException(
            HttpStatus.NOT_FOUND,
            'unknown_username',
            `Nobody has the username "${username}"`,
          )
        : error;
    });
    return this.addTester(developerId, appId, tester.id);
  }

  async removeTester(developerId: string, appId: string, testerId: string): Promise<void> {
    await this.owned(developerId, appId);
    const removed = await sqlRun(this.em, 'delete from app_tester where app_id = ? and user_id = ?', [
      appId,
      testerId,
    ]);
    if (removed === 0) throw notFound('Tester');
  }

  // ── versions ─────────────────────────────────────────────────────────────

  async versions(appId: string): Promise<AppVersion[]> {
    const rows = await sqlRows<VersionRow>(
      this.em,
      `select ${VERSION_COLUMNS} from app_version where app_id = ? order by number desc`,
      [appId],
    );
    return rows.map(toVersion);
  }

  async version(appId: string, number: number, lock = false): Promise<AppVersion> {
    const [row] = await sqlRows<VersionRow>(
      this.em,
      `select ${VERSION_COLUMNS} from app_version where app_id = ? and number = ?${lock ? ' for update' : ''}`,
      [appId, number],
    );
    if (!row) throw notFound('Version');
    return toVersion(row);
  }

  /**
   * Starts the next version as a draft. One version at a time is on its way to users: a draft,
   * submitted or approved version must be published (or rejected) before the next one starts.
   */
  async createVersion(
    developerId: string,
    appId: string,
    manifest: Omit<AppManifest, 'pluginId'>,
  ): Promise<AppVersion> {
    assertOptionalScopesAsked(manifest);
    const canonical = canonicalManifest({ ...manifest, pluginId: null });
    await this.checkWebhookUrl(canonical);
    return this.em.transactional(async () => {
      const app = await this.owned(developerId, appId, true);
      if (app.pluginId !== null)
        throw conflict('app_status_conflict', 'A built-in app is versioned by its plugin manifest');
      assertNewVersionAllowed(await this.versions(appId));
      return this.version(appId, await this.insertVersion(appId, canonical, 'draft'));
    });
  }

  /**
   * Changes the fields of a draft's manifest that `patch` names; the rest stay as they were. Only a
   * draft can change (what was reviewed stays what was reviewed).
   */
  async editDraft(
    developerId: string,
    appId: string,
    number: number,
    patch: Partial<Omit<AppManifest, 'pluginId'>>,
  ): Promise<AppVersion> {
    // Only a URL the patch brings is new; one the draft keeps was checked when it was set (and is
    // checked again at submission).
    if (patch.webhookUrl) await this.checkWebhookUrl({ webhookUrl: patch.webhookUrl });
    return this.em.transactional(async () => {
      await this.owned(developerId, appId, true);
      const version = await this.version(appId, number, true);
      assertEditable(number, version.status);
      const merged = { ...version.manifest, ...patch };
      assertOptionalScopesAsked(merged);
      await sqlRun(
        this.em,
        'update app_version set manifest = ?::jsonb, updated_at = ? where app_id = ? and number = ?',
        [JSON.stringify(canonicalManifest(merged)), this.clock.now(), appId, number],
      );
      await this.mirrorNewestWhileInDevelopment(appId);
      return this.version(appId, number);
    });
  }

  /**
   * How a version differs from what users have now: its manifest against the published version's,
   * and the app's listing (which changes without review) against the listing the published version
   * went out with. With nothing published, everything is new.
   */
  async diff(appId: string, number: number): Promise<VersionDiff> {
    const app = await this.findById(appId);
    if (!app) throw notFound('App');
    const target = await this.version(appId, number);
    const base = app.publishedVersion;
    return {
      baseVersion: base,
      ...manifestDiff(base === null ? null : (await this.version(appId, base)).manifest, target.manifest),
      listing: listingDiff(base === null ? null : await this.repository.publishedListing(appId, base), app),
    };
  }

  /**
   * The developer's moves: submit a draft for review (with a note for the reviewer, or null), publish
   * an approved version.
   */
  async developerMove(
    developerId: string,
    appId: string,
    number: number,
    action: 'submit' | 'publish',
    note: string | null = null,
  ): Promise<AppVersion> {
    if (action === 'submit') {
      const draft = await this.owned(developerId, appId).then(() => this.version(appId, number));
      // Checked again at submission: an address may have moved to a private network since the draft.
      await this.checkWebhookUrl(draft.manifest);
    }
    return this.em.transactional(async () => {
      const app = await this.owned(developerId, appId, true);
      if (app.pluginId !== null)
        throw conflict('app_status_conflict', 'A built-in app is versioned by its plugin manifest');
      await this.moveVersion(developerId, appId, number, action, null);
      if (action === 'submit') await this.repository.setSubmitNote(appId, number, note);
      return this.version(appId, number);
    });
  }

  private async insertVersion(appId: string, manifest: AppManifest, status: VersionStatus): Promise<number> {
    const [{ next }] = await sqlRows<{ next: number }>(
      this.em,
      'select coalesce(max(number), 0) + 1 as next from app_version where app_id = ?',
      [appId],
    );
    const number = Number(next);
    const now = this.clock.now();
    await sqlRun(
      this.em,
      `insert into app_version (app_id, number, manifest, status, created_at, updated_at)
       values (?, ?, ?::jsonb, ?, ?, ?)`,
      [appId, number, JSON.stringify(manifest), status, now, now],
    );
    await this.mirrorNewestWhileInDevelopment(appId);
    return number;
  }

  /** Development mode uses the newest version's manifest, so the developer and testers try what they wrote. */
  private async mirrorNewestWhileInDevelopment(appId: string): Promise<void> {
    await sqlRun(
      this.em,
      `update app a set ${MIRROR_MANIFEST} from (
         select manifest from app_version where app_id = ? order by number desc limit 1) v
       where a.id = ? and a.published_version is null`,
      [appId, appId],
    );
  }

  /**
   * Moves a version along the review workflow and records who and why. Publishing supersedes the
   * version users had, and the app's columns take the new manifest; users keep the scopes they
   * granted, and any the new version adds are pending their consent.
   */
  private async moveVersion(
    actorId: string | null,
    appId: string,
    number: number,
    action: VersionAction,
    reason: string | null,
  ): Promise<void> {
    const version = await this.version(appId, number, true);
    const status = nextVersionStatus(number, version.status, action);
    const now = this.clock.now();
    const [app] = await sqlRows<{ status: AppStatus; published_version: number | null }>(
      this.em,
      'select status, published_version from app where id = ? for update',
      [appId],
    );
    // One published version per app: the one users had steps aside first.
    if (action === 'publish' && app.published_version !== null) {
      await sqlRun(
        this.em,
        "update app_version set status = 'superseded', updated_at = ? where app_id = ? and number = ?",
        [now, appId, app.published_version],
      );
      await this.record(
        appId,
        app.published_version,
        actorId,
        'published',
        'superseded',
        `Replaced by version ${number}`,
      );
    }
    await sqlRun(
      this.em,
      'update app_version set status = ?, status_reason = ?, updated_at = ? where app_id = ? and number = ?',
      [status, action === 'reject' ? reason : null, now, appId, number],
    );
    await this.record(appId, number, actorId, version.status, status, reason);
    if (action !== 'publish') return;
    await this.repository.keepListing(appId, number);
    await sqlRun(
      this.em,
      `update app a set ${MIRROR_MANIFEST}, published_version = ?, published_at = coalesce(a.published_at, ?),
         status = case when a.status = 'suspended' then a.status else 'published' end, updated_at = ?
       from (select manifest from app_version where app_id = ? and number = ?) v where a.id = ?`,
      [number, now, now, appId, number, appId],
    );
    if (app.status === 'development')
      await this.record(appId, null, actorId, 'development', 'published', null);
  }

  private async record(
    appId: string,
    versionNumber: number | null,
    actorId: string | null,
    fromStatus: string,
    toStatus: string,
    reason: string | null,
  ): Promise<void> {
    await sqlRun(
      this.em,
      `insert into app_status_change (id, app_id, version_number, actor_id, from_status, to_status, reason, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
      [newId(), appId, versionNumber, actorId, fromStatus, toStatus, reason, this.clock.now()],
    );
  }

  // ── admins ───────────────────────────────────────────────────────────────

  async listForReview(status: AppStatus | undefined): Promise<RegisteredApp[]> {
    const rows = await sqlRows<AppRow>(
      this.em,
      `select ${APP_COLUMNS} from app ${status ? 'where status = ?' : ''} order by updated_at desc, id desc
       limit ${LIMITS.pageSizeMax}`,
      status ? [status] : [],
    );
    return this.toApps(rows);
  }

  /**
   * Versions waiting for an admin, oldest submission first, one more than `limit` to tell whether a page
   * follows; `after` is the (submitted at, app id) of the last one on the previous page.
   */
  async listSubmitted(limit: number, after: Keyset | undefined): Promise<AppVersion[]> {
    return (await this.repository.submittedVersions(limit, after)).map(toVersion);
  }

  async history(appId: string): Promise<StatusChange[]> {
    const rows = await sqlRows<{
      version_number: number | null;
      from_status: string;
      to_status: string;
      actor_id: string | null;
      reason: string | null;
      created_at: Date | string;
    }>(
      this.em,
      `select version_number, from_status, to_status, actor_id, reason, created_at from app_status_change
       where app_id = ? order by created_at, id`,
      [appId],
    );
    return rows.map((row) => ({
      versionNumber: row.version_number,
      fromStatus: row.from_status,
      toStatus: row.to_status,
      actorId: row.actor_id,
      reason: row.reason,
      createdAt: new Date(row.created_at),
    }));
  }

  /**
   * An admin approves or rejects a submitted version. `adminId` is null for the demo seed's decisions,
   * which no admin made and the audit log does not show.
   */
  async review(
    adminId: string | null,
    appId: string,
    number: number,
    action: 'approve' | 'reject',
    reason: string | null,
  ): Promise<AppVersion> {
    return this.em.transactional(async () => {
      const app = await this.findOne('id', appId, true);
      if (!app) throw notFound('App');
      await this.moveVersion(adminId, appId, number, action, reason);
      if (adminId !== null)
        await this.audited(adminId, `app_version.${action}`, appId, reason, {
          version: number,
          name: app.name,
        });
      this.decided({
        appId,
        ownerId: app.ownerId,
        decision: action === 'approve' ? 'approved' : 'rejected',
        versionNumber: number,
        reason,
      });
      return this.version(appId, number);
    });
  }

  /**
   * An admin suspends an app or lifts its suspension. Suspension needs no token sweep: every token
   * check reads the app's status. Reinstating returns it to published, or to development if nothing is published.
   */
  async suspension(
    adminId: string,
    appId: string,
    action: 'suspend' | 'reinstate',
    reason: string | null,
  ): Promise<RegisteredApp> {
    return this.em.transactional(async () => {
      const app = await this.findOne('id', appId, true);
      if (!app) throw notFound('App');
      if ((action === 'suspend') === (app.status === 'suspended')) {
        throw conflict(
          'app_status_conflict',
          action === 'suspend' ? 'The app is already suspended' : 'Only a suspended app can be reinstated',
        );
      }
      const target: AppStatus =
        action === 'suspend' ? 'suspended' : app.publishedVersion === null ? 'development' : 'published';
      await sqlRun(this.em, 'update app set status = ?, status_reason = ?, updated_at = ? where id = ?', [
        target,
        target === 'suspended' ? reason : null,
        this.clock.now(),
        appId,
      ]);
      await this.record(appId, null, adminId, app.status, target, reason);
      await this.audited(adminId, `app.${action}`, appId, reason, { status: target, name: app.name });
      this.decided({
        appId,
        ownerId: app.ownerId,
        decision: action === 'suspend' ? 'suspended' : 'reinstated',
        versionNumber: null,
        reason,
      });
      return (await this.findById(appId))!;
    });
  }

  /** Records an admin's decision on an app, with the app's name as it was (the log reads without a lookup). */
  private audited(
    adminId: string,
    action: Extract<AuditAction, `app${string}`>,
    appId: string,
    reason: string | null,
    details: Record<string, AuditDetail>,
  ): Promise<void> {
    return this.audit.record({
      actorId: adminId,
      action,
      subject: { type: 'app', id: appId },
      reason,
      details,
    });
  }
}

/** `update app a ... from (select manifest ...) v`: the app's columns take the version's manifest. */
const MIRROR_MANIFEST = `scopes = array(select jsonb_array_elements_text(v.manifest->'scopes')),
  optional_scopes = array(select jsonb_array_elements_text(v.manifest->'optionalScopes')),
  events = array(select jsonb_array_elements_text(v.manifest->'events')),
  redirect_uris = array(select jsonb_array_elements_text(v.manifest->'redirectUris')),
  canvas_url = v.manifest->>'canvasUrl',
  webhook_url = v.manifest->>'webhookUrl'`;
