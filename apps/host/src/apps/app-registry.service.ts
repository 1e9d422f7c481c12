import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import type { Keyset } from '../common/pagination';
import { notFound } from '../common/problem';
import { UserDirectoryService } from '../profiles/user-directory.service';
import type { AppListing } from './app-manifest';
import { type AppRow, AppsRepository, type CatalogFilter } from './apps.repository';
import { newClientId, newClientSecret } from './client-secrets';
import type { AppLabel, AppStatus, ClientType, RegisteredApp } from './registered-app';
import { normalizeScopes } from './scopes';

/**
 * The app registry: finds apps and turns their rows into `RegisteredApp`s (with their developer's
 * name), for the other services of the module. The app's manifest columns always hold what users get:
 * the published version's manifest, or the newest version's while nothing is published yet.
 */
@Injectable()
export class AppRegistry {
  constructor(
    private readonly repository: AppsRepository,
    private readonly directory: UserDirectoryService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async toApps(rows: AppRow[]): Promise<RegisteredApp[]> {
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
    lock: boolean,
  ): Promise<RegisteredApp | null> {
    const row = await this.repository.findOne(column, value, lock);
    return row === null ? null : (await this.toApps([row]))[0];
  }

  /** The app; `lock` holds its row until the transaction ends. */
  findById(appId: string, lock = false): Promise<RegisteredApp | null> {
    return this.findOne('id', appId, lock);
  }

  findByClientId(clientId: string): Promise<RegisteredApp | null> {
    return this.findOne('client_id', clientId, false);
  }

  findByPluginId(pluginId: string, lock = false): Promise<RegisteredApp | null> {
    return this.findOne('plugin_id', pluginId, lock);
  }

  /** The app as it is now, which the caller knows exists (it just changed it). */
  async current(appId: string): Promise<RegisteredApp> {
    return (await this.findById(appId))!;
  }

  /** The app, if `developerId` owns it; a stranger gets the same 404 as for a missing app. */
  async owned(developerId: string, appId: string, lock = false): Promise<RegisteredApp> {
    const app = await this.findById(appId, lock);
    if (!app || app.ownerId !== developerId) throw notFound('App');
    return app;
  }

  async byIds(appIds: string[]): Promise<Map<string, RegisteredApp>> {
    if (appIds.length === 0) return new Map();
    const rows = await this.repository.byIds([...new Set(appIds)]);
    return new Map((await this.toApps(rows)).map((app) => [app.id, app]));
  }

  /** How lists attribute content to apps (stories in the feed): name and icon in one query, nothing else. */
  async labels(appIds: string[]): Promise<Map<string, AppLabel>> {
    if (appIds.length === 0) return new Map();
    const rows = await this.repository.labels([...new Set(appIds)]);
    return new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, iconUrl: row.icon_url }]));
  }

  /**
   * Published apps, newest publication first, one more than `limit`; `q` matches names
   * case-insensitively, anywhere in the name.
   */
  async catalog(filter: CatalogFilter, limit: number, after: Keyset | undefined): Promise<RegisteredApp[]> {
    return this.toApps(await this.repository.catalog(filter, limit, after));
  }

  async listOwned(developerId: string): Promise<RegisteredApp[]> {
    return this.toApps(await this.repository.listOwned(developerId));
  }

  /** Apps by status, most recently changed first (a page's worth). */
  async listByStatus(status: AppStatus | undefined): Promise<RegisteredApp[]> {
    return this.toApps(await this.repository.listByStatus(status, LIMITS.pageSizeMax));
  }

  /**
   * Adds an app in development mode, with new credentials: a confidential client's secret is returned
   * this one time and stored only as a hash.
   */
  async add(
    ownerId: string,
    listing: AppListing,
    clientType: ClientType,
    pluginId: string | null,
  ): Promise<{ id: string; clientSecret: string | null }> {
    const credentials = clientType === 'confidential' ? newClientSecret() : null;
    const id = newId();
    await this.repository.insert({
      id,
      clientId: newClientId(),
      ownerId,
      name: listing.name,
      description: listing.description,
      iconUrl: listing.iconUrl,
      category: listing.category,
      clientType,
      secretHash: credentials?.hash ?? null,
      pluginId,
      createdAt: this.clock.now(),
    });
    return { id, clientSecret: credentials?.secret ?? null };
  }
}
