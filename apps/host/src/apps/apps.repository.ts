import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { type Keyset, keysetCondition } from '../common/pagination';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import type { EventType } from '../events/event-types';
import type { AppCategory, AppListing } from './app-manifest';
import type { AppStatus, ClientType } from './registered-app';
import type { Scope } from './scopes';

/** An `app` row as the registry reads it (never the secret's hash). */
export interface AppRow {
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

/** A new app row: its listing, credentials and owner; the manifest columns follow its versions. */
export interface NewApp extends AppListing {
  id: string;
  clientId: string;
  ownerId: string;
  clientType: ClientType;
  secretHash: string | null;
  pluginId: string | null;
  createdAt: Date;
}

/** What the app center's catalog narrows published apps to. */
export interface CatalogFilter {
  category?: AppCategory;
  /** Part of the name, in any letter case. */
  q?: string;
}

/** `update app a ... from (select manifest ...) v`: the app's columns take the version's manifest. */
const MIRROR_MANIFEST = `scopes = array(select jsonb_array_elements_text(v.manifest->'scopes')),
  optional_scopes = array(select jsonb_array_elements_text(v.manifest->'optionalScopes')),
  events = array(select jsonb_array_elements_text(v.manifest->'events')),
  redirect_uris = array(select jsonb_array_elements_text(v.manifest->'redirectUris')),
  canvas_url = v.manifest->>'canvasUrl',
  webhook_url = v.manifest->>'webhookUrl'`;

/** SQL of the `app` table (the registry) for the apps module's services. */
@Injectable()
export class AppsRepository {
  constructor(private readonly em: EntityManager) {}

  /** The app with this id, client id or plugin id; `lock` holds its row until the transaction ends. */
  async findOne(
    column: 'id' | 'client_id' | 'plugin_id',
    value: string,
    lock = false,
  ): Promise<AppRow | null> {
    const [row] = await sqlRows<AppRow>(
      this.em,
      `select ${APP_COLUMNS} from app where ${column} = ?${lock ? ' for update' : ''}`,
      [value],
    );
    return row ?? null;
  }

  /** The client's app with its secret's hash (null for a public client). */
  async client(clientId: string): Promise<(AppRow & { secret_hash: string | null }) | null> {
    const [row] = await sqlRows<AppRow & { secret_hash: string | null }>(
      this.em,
      `select ${APP_COLUMNS}, secret_hash from app where client_id = ?`,
      [clientId],
    );
    return row ?? null;
  }

  byIds(appIds: string[]): Promise<AppRow[]> {
    return sqlRows<AppRow>(this.em, `select ${APP_COLUMNS} from app where id = any(?::uuid[])`, [
      uuidArray(appIds),
    ]);
  }

  labels(appIds: string[]): Promise<{ id: string; name: string; icon_url: string | null }[]> {
    return sqlRows(this.em, 'select id, name, icon_url from app where id = any(?::uuid[])', [
      uuidArray(appIds),
    ]);
  }

  /** Published apps, newest publication first, after the keyset; one more than `limit`. */
  catalog(filter: CatalogFilter, limit: number, after: Keyset | undefined): Promise<AppRow[]> {
    const keyset = keysetCondition('app', after, 'published_at');
    const params: unknown[] = [];
    let where = "app.status = 'published'";
    if (filter.category) {
      where += ' and app.category = ?';
      params.push(filter.category);
    }
    if (filter.q) {
      where += ' and strpos(lower(app.name), lower(?)) > 0';
      params.push(filter.q);
    }
    return sqlRows<AppRow>(
      this.em,
      `select ${APP_COLUMNS} from app where ${where} and ${keyset.sql}
       order by app.published_at desc, app.id desc limit ?`,
      [...params, ...keyset.params, limit + 1],
    );
  }

  /** The developer's apps, newest first. */
  listOwned(ownerId: string): Promise<AppRow[]> {
    return sqlRows<AppRow>(
      this.em,
      `select ${APP_COLUMNS} from app where owner_id = ? order by created_at desc, id desc`,
      [ownerId],
    );
  }

  /** Apps (of one status, or all), most recently changed first, at most `limit`. */
  listByStatus(status: AppStatus | undefined, limit: number): Promise<AppRow[]> {
    return sqlRows<AppRow>(
      this.em,
      `select ${APP_COLUMNS} from app ${status ? 'where status = ?' : ''} order by updated_at desc, id desc
       limit ${limit}`,
      status ? [status] : [],
    );
  }

  async countOwned(ownerId: string): Promise<number> {
    const [{ count }] = await sqlRows<{ count: string | number }>(
      this.em,
      'select count(*) as count from app where owner_id = ?',
      [ownerId],
    );
    return Number(count);
  }

  /** Adds an app in development mode, with empty manifest columns until its first version. */
  async insert(app: NewApp): Promise<void> {
    await sqlRun(
      this.em,
      `insert into app (id, client_id, owner_id, name, description, icon_url, category, redirect_uris, scopes,
         optional_scopes, client_type, secret_hash, status, plugin_id, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, '{}', '{}', '{}', ?, ?, 'development', ?, ?, ?)`,
      [
        app.id,
        app.clientId,
        app.ownerId,
        app.name,
        app.description,
        app.iconUrl,
        app.category,
        app.clientType,
        app.secretHash,
        app.pluginId,
        app.createdAt,
        app.createdAt,
      ],
    );
  }

  async updateListing(appId: string, listing: AppListing, now: Date): Promise<void> {
    await sqlRun(
      this.em,
      'update app set name = ?, description = ?, icon_url = ?, category = ?, updated_at = ? where id = ?',
      [listing.name, listing.description, listing.iconUrl, listing.category, now, appId],
    );
  }

  async setIconUrl(appId: string, iconUrl: string, now: Date): Promise<void> {
    await sqlRun(this.em, 'update app set icon_url = ?, updated_at = ? where id = ?', [iconUrl, now, appId]);
  }

  async setSecretHash(appId: string, secretHash: string, now: Date): Promise<void> {
    await sqlRun(this.em, 'update app set secret_hash = ?, updated_at = ? where id = ?', [
      secretHash,
      now,
      appId,
    ]);
  }

  async setStatus(appId: string, status: AppStatus, reason: string | null, now: Date): Promise<void> {
    await sqlRun(this.em, 'update app set status = ?, status_reason = ?, updated_at = ? where id = ?', [
      status,
      reason,
      now,
      appId,
    ]);
  }

  async delete(appId: string): Promise<void> {
    await sqlRun(this.em, 'delete from app where id = ?', [appId]);
  }

  /** The app's status and published version, its row held until the transaction ends. */
  async lockPublication(appId: string): Promise<{ status: AppStatus; published_version: number | null }> {
    const [app] = await sqlRows<{ status: AppStatus; published_version: number | null }>(
      this.em,
      'select status, published_version from app where id = ? for update',
      [appId],
    );
    return app;
  }

  /** While nothing is published, the app's manifest columns take its newest version's manifest. */
  async mirrorNewestWhileInDevelopment(appId: string): Promise<void> {
    await sqlRun(
      this.em,
      `update app a set ${MIRROR_MANIFEST} from (
         select manifest from app_version where app_id = ? order by number desc limit 1) v
       where a.id = ? and a.published_version is null`,
      [appId, appId],
    );
  }

  /**
   * Version `number` is what users get: the app's manifest columns take its manifest, and the app is
   * published (a suspended one stays suspended).
   */
  async publish(appId: string, number: number, now: Date): Promise<void> {
    await sqlRun(
      this.em,
      `update app a set ${MIRROR_MANIFEST}, published_version = ?, published_at = coalesce(a.published_at, ?),
         status = case when a.status = 'suspended' then a.status else 'published' end, updated_at = ?
       from (select manifest from app_version where app_id = ? and number = ?) v where a.id = ?`,
      [number, now, now, appId, number, appId],
    );
  }
}
