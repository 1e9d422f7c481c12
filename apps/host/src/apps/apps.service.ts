import { Injectable } from '@nestjs/common';
import type { Keyset } from '../common/pagination';
import { AppCredentialsService } from './app-credentials.service';
import { AppDevelopersService } from './app-developers.service';
import { AppRegistry } from './app-registry.service';
import { AppReviewService } from './app-review.service';
import { AppTestersService } from './app-testers.service';
import type { AppVersion } from './app-version';
import { AppVersionsService } from './app-versions.service';
import type { CatalogFilter } from './apps.repository';
import { BuiltInAppsService } from './built-in-apps.service';
import type { AppDecision, AppLabel, BuiltInAppSpec, RegisteredApp } from './registered-app';

// The types other modules have always imported from here.
export { APP_CATEGORIES, type AppCategory } from './app-manifest';
export type { AppDecision, RegisteredApp } from './registered-app';

/**
 * The apps module as other modules see it: finding apps, who may use one, client authentication,
 * built-in registration and admins' decisions. Each call goes to the service of its concern (the
 * registry, credentials, testers, versions, review, developers, built-in apps); the module's own
 * controllers call those directly.
 */
@Injectable()
export class AppsService {
  constructor(
    private readonly registry: AppRegistry,
    private readonly credentials: AppCredentialsService,
    private readonly testers: AppTestersService,
    private readonly versions: AppVersionsService,
    private readonly review: AppReviewService,
    private readonly developers: AppDevelopersService,
    private readonly builtIns: BuiltInAppsService,
  ) {}

  findById(appId: string): Promise<RegisteredApp | null> {
    return this.registry.findById(appId);
  }

  findByClientId(clientId: string): Promise<RegisteredApp | null> {
    return this.registry.findByClientId(clientId);
  }

  findByPluginId(pluginId: string): Promise<RegisteredApp | null> {
    return this.registry.findByPluginId(pluginId);
  }

  byIds(appIds: string[]): Promise<Map<string, RegisteredApp>> {
    return this.registry.byIds(appIds);
  }

  /** How lists attribute content to apps (stories in the feed): name and icon in one query, nothing else. */
  labels(appIds: string[]): Promise<Map<string, AppLabel>> {
    return this.registry.labels(appIds);
  }

  /**
   * The app, if `developerId` owns it; a stranger gets the same 404 as for a missing app. `lock` holds
   * its row until the transaction ends.
   */
  owned(developerId: string, appId: string, lock = false): Promise<RegisteredApp> {
    return this.registry.owned(developerId, appId, lock);
  }

  /**
   * The app center's catalog: published apps, newest publication first, one more than `limit`; `q`
   * matches names case-insensitively, anywhere in the name.
   */
  catalog(filter: CatalogFilter, limit: number, after: Keyset | undefined): Promise<RegisteredApp[]> {
    return this.registry.catalog(filter, limit, after);
  }

  /** Version `number` of the app (a 404 when it has none). */
  version(appId: string, number: number): Promise<AppVersion> {
    return this.versions.version(appId, number);
  }

  /** The uploaded icon's image (WebP), or null when the app has none. */
  iconImage(appId: string): Promise<Buffer | null> {
    return this.developers.iconImage(appId);
  }

  /** Development mode: see AppTestersService.mayAuthorize. */
  mayAuthorize(app: RegisteredApp, userId: string): Promise<boolean> {
    return this.testers.mayAuthorize(app, userId);
  }

  /** Who may open a version that users do not have yet: its developer, its testers and reviewers. */
  mayTest(app: RegisteredApp, userId: string): Promise<boolean> {
    return this.testers.mayTest(app, userId);
  }

  /** Null when the client is unknown, or confidential and the secret is missing or wrong. */
  authenticateClient(clientId: string, secret: string | undefined): Promise<RegisteredApp | null> {
    return this.credentials.authenticateClient(clientId, secret);
  }

  /** Registers a plugin as a published app owned by the platform (see BuiltInAppsService). */
  registerBuiltIn(spec: BuiltInAppSpec): Promise<RegisteredApp> {
    return this.builtIns.registerBuiltIn(spec);
  }

  /** Lets a module that depends on apps hear of admins' decisions (see AppReviewService.onDecision). */
  onDecision(listener: (decision: AppDecision) => void): void {
    this.review.onDecision(listener);
  }
}
