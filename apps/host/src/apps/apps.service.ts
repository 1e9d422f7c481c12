import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import { conflict, notFound, ProblemException } from '../common/problem';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import { UserDirectoryService } from '../spaces/user-directory.service';
import { normalizeScopes, Scope } from './scopes';

export type AppStatus = 'development' | 'approved' | 'rejected' | 'suspended';
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

/** What a developer decides about an app. */
export interface AppDetails {
  name: string;
  description: string;
  iconUrl: string | null;
  category: AppCategory;
  redirectUris: string[];
  /** Every scope the app may ask for. */
  scopes: Scope[];
  /** The part of `scopes` a user may untick on the consent page. */
  optionalScopes: Scope[];
  webhookUrl: string | null;
}

export interface RegisteredApp extends AppDetails {
  id: string;
  clientId: string;
  ownerId: string;
  /** The developer as users see them: their nickname, or username without a space. */
  ownerName: string;
  clientType: ClientType;
  status: AppStatus;
  /** Why an admin rejected or suspended it, shown to its developer. */
  statusReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AppLabel {
  id: string;
  name: string;
  iconUrl: string | null;
}

export interface StatusChange {
  fromStatus: AppStatus;
  toStatus: AppStatus;
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
  webhook_url: string | null;
  client_type: ClientType;
  status: AppStatus;
  status_reason: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const APP_COLUMNS = `id, client_id, owner_id, name, description, icon_url, category, redirect_uris, scopes,
  optional_scopes, webhook_url, client_type, status, status_reason, created_at, updated_at`;

/** Which admin action moves an app from which statuses, and where to. */
const TRANSITIONS = {
  approve: { from: ['development', 'rejected'], to: 'approved' },
  reject: { from: ['development', 'approved'], to: 'rejected' },
  suspend: { from: ['development', 'approved', 'rejected'], to: 'suspended' },
} as const satisfies Record<string, { from: AppStatus[]; to: AppStatus }>;

export type AdminAction = keyof typeof TRANSITIONS | 'reinstate';

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

/** Client secrets carry 256 random bits, so a plain sha256 is as good as a slow hash and keeps token calls fast. */
function newClientSecret(): { secret: string; hash: string } {
  const secret = `kjs_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashSecret(secret).toString('hex') };
}

/**
 * The app registry: developers register and edit apps, rotate secrets and whitelist testers; admins
 * approve, reject, suspend and reinstate them (every change recorded with who and why).
 */
@Injectable()
export class AppsService {
  constructor(
    private readonly em: EntityManager,
    private readonly accounts: AccountsService,
    private readonly directory: UserDirectoryService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

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
      webhookUrl: row.webhook_url,
      clientType: row.client_type,
      status: row.status,
      statusReason: row.status_reason,
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
    }));
  }

  private async findOne(
    column: 'id' | 'client_id',
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

  async byIds(appIds: string[]): Promise<Map<string, RegisteredApp>> {
    if (appIds.length === 0) return new Map();
    const rows = await sqlRows<AppRow>(this.em, `select ${APP_COLUMNS} from app where id = any(?::uuid[])`, [
      uuidArray([...new Set(appIds)]),
    ]);
    return new Map((await this.toApps(rows)).map((app) => [app.id, app]));
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
    const rows = await sqlRows<{ id: string; client_type: ClientType; secret_hash: string | null }>(
      this.em,
      'select id, client_type, secret_hash from app where client_id = ?',
      [clientId],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.client_type === 'confidential') {
      if (secret === undefined || row.secret_hash === null) return null;
      const expected = Buffer.from(row.secret_hash, 'hex');
      if (!timingSafeEqual(expected, hashSecret(secret))) return null;
    }
    return this.findById(row.id);
  }

  async isTester(appId: string, userId: string): Promise<boolean> {
    const rows = await sqlRows(this.em, 'select 1 from app_tester where app_id = ? and user_id = ?', [
      appId,
      userId,
    ]);
    return rows.length > 0;
  }

  /**
   * Development mode: until an admin approves an app, only its developer and whitelisted testers may
   * authorize it; a suspended app nobody may.
   */
  async mayAuthorize(app: RegisteredApp, userId: string): Promise<boolean> {
    if (app.status === 'suspended') return false;
    if (app.status === 'approved' || app.ownerId === userId) return true;
    return this.isTester(app.id, userId);
  }

  // ── developers ───────────────────────────────────────────────────────────

  async registerDeveloper(userId: string): Promise<void> {
    const user = await this.accounts.getUser(userId);
    if (!user.roles.includes('developer')) await this.accounts.setRoles(userId, [...user.roles, 'developer']);
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

  async create(
    developerId: string,
    details: AppDetails,
    clientType: ClientType,
  ): Promise<{ app: RegisteredApp; clientSecret: string | null }> {
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
      const credentials = clientType === 'confidential' ? newClientSecret() : null;
      const id = newId();
      const now = this.clock.now();
      await sqlRun(
        this.em,
        `insert into app (id, client_id, owner_id, name, description, icon_url, category, redirect_uris, scopes,
           optional_scopes, webhook_url, client_type, secret_hash, status, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?::text[], ?, ?, ?, 'development', ?, ?)`,
        [
          id,
          `kjc_${randomBytes(12).toString('base64url')}`,
          developerId,
          details.name,
          details.description,
          details.iconUrl,
          details.category,
          textArray(details.redirectUris),
          textArray(details.scopes),
          textArray(details.optionalScopes),
          details.webhookUrl,
          clientType,
          credentials?.hash ?? null,
          now,
          now,
        ],
      );
      return { app: (await this.findById(id))!, clientSecret: credentials?.secret ?? null };
    });
  }

  /**
   * Edits an app. An approved app may drop scopes but not add any: users consented to what was
   * reviewed, so asking for more needs a new review (app versions).
   */
  async update(developerId: string, appId: string, details: AppDetails): Promise<RegisteredApp> {
    return this.em.transactional(async () => {
      const app = await this.owned(developerId, appId, true);
      const added = details.scopes.filter((scope) => !app.scopes.includes(scope));
      if (app.status === 'approved' && added.length > 0) {
        throw conflict(
          'review_required',
          `An approved app cannot add scopes without a new review: ${added.join(', ')}`,
        );
      }
      await sqlRun(
        this.em,
        `update app set name = ?, description = ?, icon_url = ?, category = ?, redirect_uris = ?::text[],
           scopes = ?::text[], optional_scopes = ?::text[], webhook_url = ?, updated_at = ? where id = ?`,
        [
          details.name,
          details.description,
          details.iconUrl,
          details.category,
          textArray(details.redirectUris),
          textArray(details.scopes),
          textArray(details.optionalScopes),
          details.webhookUrl,
          this.clock.now(),
          appId,
        ],
      );
      return (await this.findById(appId))!;
    });
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
  }

  async listTesters(developerId: string, appId: string): Promise<{ userId: string; addedAt: Date }[]> {
    await this.owned(developerId, appId);
    const rows = await sqlRows<{ user_id: string; added_at: Date | string }>(
      this.em,
      'select user_id, added_at from app_tester where app_id = ? order by added_at, user_id',
      [appId],
    );
    return rows.map((row) => ({ userId: row.user_id, addedAt: new Date(row.added_at) }));
  }

  async addTester(developerId: string, appId: string, testerId: string): Promise<void> {
    await this.em.transactional(async () => {
      await this.owned(developerId, appId, true);
      if (testerId === developerId) {
        throw new ProblemException(
          HttpStatus.CONFLICT,
          'cannot_target_self',
          'The developer can always use their own app',
        );
      }
      await this.accounts.getUser(testerId);
      if (await this.isTester(appId, testerId)) return;
      const [{ count }] = await sqlRows<{ count: string | number }>(
        this.em,
        'select count(*) as count from app_tester where app_id = ?',
        [appId],
      );
      if (Number(count) >= LIMITS.appTestersMax) {
        throw conflict('limit_reached', `An app can have at most ${LIMITS.appTestersMax} testers`);
      }
      await sqlRun(this.em, 'insert into app_tester (app_id, user_id, added_at) values (?, ?, ?)', [
        appId,
        testerId,
        this.clock.now(),
      ]);
    });
  }

  async removeTester(developerId: string, appId: string, testerId: string): Promise<void> {
    await this.owned(developerId, appId);
    const removed = await sqlRun(this.em, 'delete from app_tester where app_id = ? and user_id = ?', [
      appId,
      testerId,
    ]);
    if (removed === 0) throw notFound('Tester');
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

  async history(appId: string): Promise<StatusChange[]> {
    const rows = await sqlRows<{
      from_status: AppStatus;
      to_status: AppStatus;
      actor_id: string | null;
      reason: string | null;
      created_at: Date | string;
    }>(
      this.em,
      `select from_status, to_status, actor_id, reason, created_at from app_status_change
       where app_id = ? order by created_at, id`,
      [appId],
    );
    return rows.map((row) => ({
      fromStatus: row.from_status,
      toStatus: row.to_status,
      actorId: row.actor_id,
      reason: row.reason,
      createdAt: new Date(row.created_at),
    }));
  }

  /**
   * Moves an app through review and suspension. Reinstating returns a suspended app to the status it
   * had before. Suspension needs no token sweep: every token check reads the app's status.
   * `adminId` is null for decisions the platform makes itself (the demo seed).
   */
  async decide(
    adminId: string | null,
    appId: string,
    action: AdminAction,
    reason: string | null,
  ): Promise<RegisteredApp> {
    return this.em.transactional(async () => {
      const app = await this.findOne('id', appId, true);
      if (!app) throw notFound('App');
      let target: AppStatus;
      if (action === 'reinstate') {
        if (app.status !== 'suspended')
          throw conflict('app_status_conflict', 'Only a suspended app can be reinstated');
        const [previous] = await sqlRows<{ from_status: AppStatus }>(
          this.em,
          `select from_status from app_status_change where app_id = ? and to_status = 'suspended'
           order by created_at desc, id desc limit 1`,
          [appId],
        );
        target = previous?.from_status ?? 'development';
      } else {
        const transition = TRANSITIONS[action];
        if (!(transition.from as readonly AppStatus[]).includes(app.status)) {
          throw conflict(
            'app_status_conflict',
            `An app that is ${app.status} cannot be moved by "${action}"`,
          );
        }
        target = transition.to;
      }
      const now = this.clock.now();
      await sqlRun(this.em, 'update app set status = ?, status_reason = ?, updated_at = ? where id = ?', [
        target,
        target === 'rejected' || target === 'suspended' ? reason : null,
        now,
        appId,
      ]);
      await sqlRun(
        this.em,
        `insert into app_status_change (id, app_id, actor_id, from_status, to_status, reason, created_at)
         values (?, ?, ?, ?, ?, ?, ?)`,
        [newId(), appId, adminId, app.status, target, reason, now],
      );
      return (await this.findById(appId))!;
    });
  }
}

/** A PostgreSQL text[] literal, quoting each element, for `?::text[]`. */
function textArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, (char) => `\\${char}`)}"`).join(',')}}`;
}
