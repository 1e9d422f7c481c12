import { createHmac, randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { notFound } from '../common/problem';
import { ChangeCache, ChangeFeed } from '../database/change-feed';
import type { EventType } from '../events/event-types';
import { EventsService } from '../events/events.service';
import { AuthorizationsRepository, type FriendOfUser } from './authorizations.repository';
import type { AppStatus } from './registered-app';
import { normalizeScopes, Scope } from './scopes';
import { MetaRepository } from '../database/meta.repository';

const OPENID_KEY = 'openid_key';

/** Whether a token of the app for the user may work, and what it may do. */
export interface AccessState {
  appStatus: AppStatus;
  builtIn: boolean;
  scopes: Scope[];
  openid: string;
  userSuspended: boolean;
}

/** A friend of a user who uses the same app, under the app's openid. */
export interface AppFriend {
  openid: string;
  userId: string;
}

export interface AuthorizationRow {
  appId: string;
  scopes: Scope[];
  authorizedAt: Date;
}

/** Told in the installing transaction, under the install's lock, when a user installs an app. */
type InstalledListener = (installed: { appId: string; userId: string; openid: string }) => Promise<void>;

/**
 * Users' consent to apps, and the pseudonyms apps know them by. An openid is an HMAC of the app and the
 * user under a key kept in the database: stable for one app, unrelated across apps, and not reversible
 * without the key (the table maps it back for the users who authorized the app).
 */
@Injectable()
export class AuthorizationsService {
  private openidKey: Buffer | undefined;
  private readonly revokedListeners: ((appId: string, userId: string) => Promise<void>)[] = [];
  /** Access states by `appId:userId`. */
  private readonly accessStates: ChangeCache<AccessState>;
  /** Each user's app friends in openid order, by `appId:userId`. */
  private readonly appFriendLists: ChangeCache<AppFriend[]>;
  private readonly installedListeners: InstalledListener[] = [];
  /** Deletes an app's storage for a user (the Open API's tables); how many items went. */
  private storageEraser: ((appId: string, userId: string) => Promise<number>) | undefined;

  constructor(
    private readonly em: EntityManager,
    private readonly repository: AuthorizationsRepository,
    private readonly meta: MetaRepository,
    private readonly events: EventsService,
    @Inject(Clock) private readonly clock: Clock,
    changes: ChangeFeed,
  ) {
    this.accessStates = changes.cache('access states', LIMITS.changeCacheEntries);
    this.appFriendLists = changes.cache('app friends', LIMITS.appFriendListsCached);
  }

  /** Lets the oauth module end tokens when consent is withdrawn; listeners run in the revoking transaction. */
  onRevoked(listener: (appId: string, userId: string) => Promise<void>): void {
    this.revokedListeners.push(listener);
  }

  /** Lets the Open API delete the storage of uninstalls whose grace period has passed (its own tables). */
  eraseStorageWith(eraser: (appId: string, userId: string) => Promise<number>): void {
    this.storageEraser = eraser;
  }

  /** Lets the app center accept the invites pending for a user who installs the app. */
  onInstalled(listener: InstalledListener): void {
    this.installedListeners.push(listener);
  }

  /**
   * Holds back any install of the app by the user until the caller's transaction ends (a consent takes the
   * same lock), so what the caller decided about "not installed" stays true until it commits.
   */
  async lockInstallation(appId: string, userId: string): Promise<void> {
    await this.repository.lockInstallation(appId, userId);
  }

  /**
   * Loads the openid key, creating it on the very first start. Every instance must derive the same
   * openids, so the key lives in the database; the host loads it once at start, after migrations and
   * outside any transaction (a key created inside a transaction that rolled back would be lost).
   */
  async loadOpenidKey(): Promise<void> {
    const key = await this.meta.getOrAdd(OPENID_KEY, randomBytes(32).toString('base64url'));
    this.openidKey = Buffer.from(key, 'base64url');
  }

  async openidFor(appId: string, userId: string): Promise<string> {
    if (!this.openidKey) throw new Error('The openid key is loaded at start (createHost); it is missing');
    return createHmac('sha256', this.openidKey).update(`${appId}:${userId}`).digest('base64url').slice(0, 22);
  }

  /**
   * Remembered consent: the scopes the user granted and has not withdrawn, and every scope they were
   * asked about (granted or unticked), so scopes a newer version adds can be told apart; and when the
   * user last gave it.
   */
  async active(
    appId: string,
    userId: string,
  ): Promise<{ openid: string; scopes: Scope[]; decidedScopes: Scope[]; authorizedAt: Date } | null> {
    const row = await this.repository.active(appId, userId);
    return row
      ? {
          openid: row.openid,
          scopes: normalizeScopes(row.scopes),
          decidedScopes: normalizeScopes(row.decided_scopes),
          authorizedAt: new Date(row.updated_at),
        }
      : null;
  }

  /**
   * Records consent. The scopes decided now replace those asked for now; other scopes granted earlier
   * (and not withdrawn) stay, so an app asking for less does not lose what the user gave it before.
   * Coming back within the grace period of an uninstall keeps the app's data for the user.
   * The first consent (or the first after an uninstall) installs the app, and the app hears
   * `app.installed` exactly once, whichever way the user came (the app center or the OAuth consent page);
   * the install listeners (invites to the user being accepted) run then too, in the same transaction.
   */
  async grant(
    appId: string,
    userId: string,
    granted: Scope[],
    asked: Scope[] = granted,
  ): Promise<{ openid: string; scopes: Scope[] }> {
    return this.em.transactional(async () => {
      // One consent at a time per user and app, so two at once cannot both be the first.
      await this.lockInstallation(appId, userId);
      const previous = await this.active(appId, userId);
      const recorded = await this.record(appId, userId, previous, granted, asked);
      if (!previous) {
        await this.events.publish(appId, 'app.installed', { user: recorded.openid }, userId);
        for (const listener of this.installedListeners) {
          await listener({ appId, userId, openid: recorded.openid });
        }
      }
      return recorded;
    });
  }

  private async record(
    appId: string,
    userId: string,
    previous: Awaited<ReturnType<AuthorizationsService['active']>>,
    granted: Scope[],
    asked: Scope[],
  ): Promise<{ openid: string; scopes: Scope[] }> {
    const scopes = normalizeScopes([
      ...(previous?.scopes ?? []).filter((scope) => !asked.includes(scope)),
      ...granted,
    ]);
    const decided = normalizeScopes([...(previous?.decidedScopes ?? []), ...asked, ...granted]);
    const openid = await this.openidFor(appId, userId);
    await this.repository.upsert(appId, userId, { openid, scopes, decidedScopes: decided }, this.clock.now());
    await this.repository.cancelStorageDeletion(appId, userId);
    return { openid, scopes };
  }

  /**
   * `accessState` as of now for a check outside a transaction (every Open API call): cached until the
   * consent, the app or the user changes, which the database's change feed announces on every instance.
   */
  async currentAccessState(appId: string, userId: string): Promise<AccessState | null> {
    return this.accessStates.read(`${appId}:${userId}`, async () => {
      const state = await this.accessState(appId, userId);
      return state && { value: state, tags: [`user:${userId}`, `app:${appId}`] };
    });
  }

  /**
   * What a token check needs, in one query: null when the user has withdrawn consent (or never gave
   * it). A suspended user's consent stays, but no token works for them until the suspension ends.
   */
  async accessState(appId: string, userId: string): Promise<AccessState | null> {
    const row = await this.repository.access(appId, userId);
    return row
      ? {
          appStatus: row.status,
          builtIn: row.built_in,
          scopes: normalizeScopes(row.scopes),
          openid: row.openid,
          userSuspended: row.user_suspended,
        }
      : null;
  }

  /**
   * Withdraws consent (an uninstall from the app center, or revoking an authorized app): the app's
   * tokens end, the app hears of it, and its storage for the user is deleted after a grace period.
   */
  async revoke(
    userId: string,
    appId: string,
    event: Extract<EventType, 'app.uninstalled' | 'app.deauthorized'> = 'app.deauthorized',
  ): Promise<void> {
    await this.em.transactional(async () => {
      const now = this.clock.now();
      const openid = await this.repository.revoke(appId, userId, now);
      if (openid === null) throw notFound('Authorized app');
      for (const listener of this.revokedListeners) await listener(appId, userId);
      await this.events.publish(appId, event, { user: openid }, userId);
      await this.repository.scheduleStorageDeletion(
        appId,
        userId,
        new Date(now.getTime() + LIMITS.appStorageGraceDays * 24 * 60 * 60 * 1000),
      );
    });
  }

  /** Deletes the storage of uninstalls whose grace period has passed; returns how many rows went. */
  async sweepStorage(): Promise<number> {
    const erase = this.storageEraser;
    // A host without the Open API has no app storage; the schedule is kept for one that has.
    if (!erase) return 0;
    return this.em.transactional(async () => {
      const due = await this.repository.dueStorageDeletions(this.clock.now());
      let deleted = 0;
      for (const { app_id, user_id } of due) deleted += await erase(app_id, user_id);
      return deleted;
    });
  }

  async listForUser(userId: string): Promise<AuthorizationRow[]> {
    const rows = await this.repository.listForUser(userId);
    return rows.map((row) => ({
      appId: row.app_id,
      scopes: normalizeScopes(row.scopes),
      authorizedAt: new Date(row.updated_at),
    }));
  }

  /** Only users who authorized the app (now or before) have an openid it can name. */
  userIdForOpenid(appId: string, openid: string): Promise<string | null> {
    return this.repository.userIdForOpenid(appId, openid);
  }

  /** How many users have each app installed now (0 for an app nobody has). */
  async installCounts(appIds: string[]): Promise<Map<string, number>> {
    const counts = await this.repository.installCounts([...new Set(appIds)]);
    return new Map(appIds.map((id) => [id, counts.get(id) ?? 0]));
  }

  /** The user's friends (those among `among`, or all), each with whether they have the app installed. */
  friendsWithInstalls(appId: string, userId: string, among?: string[]): Promise<FriendOfUser[]> {
    return this.repository.friendsWithInstalls(appId, userId, among);
  }

  /**
   * The user's friends who currently authorize the app, minus anyone in a block relation with the
   * user, in openid order (the keyset of the page). The whole list is cached until the user's friends
   * or blocks change, or one of the friends installs or removes the app, or is suspended or restored.
   */
  async appFriends(appId: string, userId: string, limit: number, afterOpenid?: string): Promise<AppFriend[]> {
    const list = (await this.appFriendLists.read(`${appId}:${userId}`, async () => {
      const { friendIds, appFriends } = await this.repository.appFriends(appId, userId);
      // `user:` names a user's consents and suspension; `friends:` their friendships and blocks.
      return { value: appFriends, tags: [`friends:${userId}`, ...friendIds.map((id) => `user:${id}`)] };
    }))!;
    const start = afterOpenid === undefined ? 0 : list.findIndex((friend) => friend.openid > afterOpenid);
    return start === -1 ? [] : list.slice(start, start + limit);
  }
}
