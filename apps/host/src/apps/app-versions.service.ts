import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/problem';
import { HOST_CONFIG, type HostConfig } from '../config/config';
import {
  type AppManifest,
  assertOptionalScopesAsked,
  canonicalManifest,
  checkWebhookUrl,
  developerManifest,
} from './app-manifest';
import { AppRegistry } from './app-registry.service';
import type { AppVersion, StatusChange, VersionDiff } from './app-version';
import { AppVersionsRepository } from './app-versions.repository';
import { AppsRepository } from './apps.repository';
import type { RegisteredApp } from './registered-app';
import { listingDiff, manifestDiff } from './version-diff';
import {
  assertEditable,
  assertNewVersionAllowed,
  nextVersionStatus,
  type VersionAction,
  type VersionStatus,
} from './version-lifecycle';

/**
 * Apps' versions on their way to users: developers write drafts, submit them and publish approved
 * ones; admins' approvals and rejections (AppReviewService) and built-in registration move versions
 * through `moveVersion` too, so every move follows the version lifecycle and is recorded with who and why.
 */
@Injectable()
export class AppVersionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly registry: AppRegistry,
    private readonly repository: AppVersionsRepository,
    private readonly apps: AppsRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
  ) {}

  versions(appId: string): Promise<AppVersion[]> {
    return this.repository.list(appId);
  }

  async version(appId: string, number: number, lock = false): Promise<AppVersion> {
    const version = await this.repository.find(appId, number, lock);
    if (!version) throw notFound('Version');
    return version;
  }

  history(appId: string): Promise<StatusChange[]> {
    return this.repository.history(appId);
  }

  /** Refuses a webhook URL the host would never deliver to (private or loopback outside development mode). */
  checkWebhookUrl(manifest: Pick<AppManifest, 'webhookUrl'>): Promise<void> {
    return checkWebhookUrl(manifest, this.config.devMode ?? false);
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
    const canonical = developerManifest(manifest);
    await this.checkWebhookUrl(canonical);
    return this.em.transactional(async () => {
      assertNotBuiltIn(await this.registry.owned(developerId, appId, true));
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
      await this.registry.owned(developerId, appId, true);
      const version = await this.version(appId, number, true);
      assertEditable(number, version.status);
      const merged = { ...version.manifest, ...patch };
      assertOptionalScopesAsked(merged);
      await this.repository.setManifest(appId, number, canonicalManifest(merged), this.clock.now());
      await this.apps.mirrorNewestWhileInDevelopment(appId);
      return this.version(appId, number);
    });
  }

  /**
   * How a version differs from what users have now: its manifest against the published version's,
   * and the app's listing (which changes without review) against the listing the published version
   * went out with. With nothing published, everything is new.
   */
  async diff(appId: string, number: number): Promise<VersionDiff> {
    const app = await this.registry.findById(appId);
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
      const draft = await this.registry.owned(developerId, appId).then(() => this.version(appId, number));
      // Checked again at submission: an address may have moved to a private network since the draft.
      await this.checkWebhookUrl(draft.manifest);
    }
    return this.em.transactional(async () => {
      assertNotBuiltIn(await this.registry.owned(developerId, appId, true));
      await this.moveVersion(developerId, appId, number, action, null);
      if (action === 'submit') await this.repository.setSubmitNote(appId, number, note);
      return this.version(appId, number);
    });
  }

  /** Adds the app's next version; while nothing is published, the app takes its manifest at once. */
  async insertVersion(appId: string, manifest: AppManifest, status: VersionStatus): Promise<number> {
    const number = await this.repository.insertNext(appId, manifest, status, this.clock.now());
    // Development mode uses the newest version's manifest, so the developer and testers try what they wrote.
    await this.apps.mirrorNewestWhileInDevelopment(appId);
    return number;
  }

  /**
   * Moves a version along the review workflow and records who and why. Publishing supersedes the
   * version users had, and the app's columns take the new manifest; users keep the scopes they
   * granted, and any the new version adds are pending their consent.
   */
  async moveVersion(
    actorId: string | null,
    appId: string,
    number: number,
    action: VersionAction,
    reason: string | null,
  ): Promise<void> {
    const version = await this.version(appId, number, true);
    const status = nextVersionStatus(number, version.status, action);
    const now = this.clock.now();
    const app = await this.apps.lockPublication(appId);
    // One published version per app: the one users had steps aside first.
    if (action === 'publish' && app.published_version !== null) {
      await this.repository.supersede(appId, app.published_version, now);
      await this.record(
        appId,
        app.published_version,
        actorId,
        'published',
        'superseded',
        `Replaced by version ${number}`,
      );
    }
    await this.repository.setStatus(appId, number, status, action === 'reject' ? reason : null, now);
    await this.record(appId, number, actorId, version.status, status, reason);
    if (action !== 'publish') return;
    await this.repository.keepListing(appId, number);
    await this.apps.publish(appId, number, now);
    if (app.status === 'development')
      await this.record(appId, null, actorId, 'development', 'published', null);
  }

  /** Records a status change of the app (`versionNumber` null) or of one of its versions. */
  async record(
    appId: string,
    versionNumber: number | null,
    actorId: string | null,
    fromStatus: string,
    toStatus: string,
    reason: string | null,
  ): Promise<void> {
    await this.repository.recordStatusChange(appId, {
      versionNumber,
      actorId,
      fromStatus,
      toStatus,
      reason,
      createdAt: this.clock.now(),
    });
  }
}

/** A built-in app's versions come from its plugin's manifest, never from a developer's request. */
function assertNotBuiltIn(app: RegisteredApp): void {
  if (app.pluginId !== null)
    throw conflict('app_status_conflict', 'A built-in app is versioned by its plugin manifest');
}
