import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import type { AppCategory } from '../apps/app-manifest';
import { AppsService } from '../apps/apps.service';
import { AuthorizationsService } from '../apps/authorizations.service';
import type { RegisteredApp } from '../apps/registered-app';
import type { Scope } from '../apps/scopes';
import { Clock } from '../common/clock';
import type { Keyset } from '../common/pagination';
import { conflict, forbidden, invalidField, notFound } from '../common/problem';
import { AppCenterRepository } from './app-center.repository';
import { LaunchToken, LaunchTokensService } from './launch-tokens.service';

export interface AppStats {
  installCount: number;
  ratingAverage: number | null;
  ratingCount: number;
}

/** The viewer's relation to an app: what they granted, and what a newer version asks that they were never asked. */
export interface Installation {
  scopes: Scope[];
  pendingScopes: Scope[];
  installedAt: Date;
  myRating: number | null;
}

/**
 * The app center: published apps to browse and search, installing (consent given once, as OAuth
 * would record it), uninstalling, ratings and canvas launches.
 */
@Injectable()
export class AppCenterService {
  constructor(
    private readonly em: EntityManager,
    private readonly apps: AppsService,
    private readonly authorizations: AuthorizationsService,
    private readonly repository: AppCenterRepository,
    private readonly launchTokens: LaunchTokensService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Published apps, newest publication first; `q` matches names case-insensitively, anywhere in the name. */
  async browse(
    filter: { category?: AppCategory; q?: string },
    limit: number,
    after: Keyset | undefined,
  ): Promise<RegisteredApp[]> {
    return this.apps.catalog(filter, limit, after);
  }

  async stats(appIds: string[]): Promise<Map<string, AppStats>> {
    const [installCounts, ratings] = await Promise.all([
      this.authorizations.installCounts(appIds),
      this.repository.ratings([...new Set(appIds)]),
    ]);
    return new Map(
      appIds.map((id) => {
        const rated = ratings.get(id);
        return [
          id,
          {
            installCount: installCounts.get(id) ?? 0,
            ratingAverage: rated ? Math.round(rated.average * 10) / 10 : null,
            ratingCount: rated?.count ?? 0,
          },
        ];
      }),
    );
  }

  /**
   * The app as this user may see it: published, or in development and they are its developer or a
   * tester. Anything else is a 404, so unpublished apps stay private.
   */
  async visible(userId: string, appId: string): Promise<RegisteredApp> {
    const app = await this.apps.findById(appId);
    if (!app || !(await this.apps.mayAuthorize(app, userId))) throw notFound('App');
    return app;
  }

  async installation(userId: string, app: RegisteredApp): Promise<Installation | null> {
    const consent = await this.authorizations.active(app.id, userId);
    if (!consent) return null;
    return {
      scopes: consent.scopes,
      pendingScopes: app.scopes.filter((scope) => !consent.decidedScopes.includes(scope)),
      installedAt: consent.authorizedAt,
      myRating: await this.repository.stars(app.id, userId),
    };
  }

  /**
   * Installs the app: the user consents to its scopes, leaving out the optional ones they untick.
   * Installing again is how a user accepts the scopes a newer version added. Only the first install
   * (or the first after an uninstall) tells the app (see AuthorizationsService.grant), so repeating the
   * request changes nothing.
   */
  async install(userId: string, appId: string, declined: Scope[]): Promise<RegisteredApp> {
    return this.em.transactional(async () => {
      const app = await this.visible(userId, appId);
      const required = declined.filter((scope) => !app.optionalScopes.includes(scope));
      if (required.length > 0) {
        throw invalidField(
          'declinedScopes',
          `declinedScopes may list only optional scopes; these are required: ${required.join(', ')}`,
        );
      }
      const granted = app.scopes.filter((scope) => !declined.includes(scope));
      await this.authorizations.grant(appId, userId, granted, app.scopes);
      return app;
    });
  }

  async uninstall(userId: string, appId: string): Promise<void> {
    await this.authorizations.revoke(userId, appId, 'app.uninstalled');
  }

  /** The apps the user has installed (and are not suspended), most recently installed first. */
  async installed(userId: string): Promise<RegisteredApp[]> {
    const authorizations = await this.authorizations.listForUser(userId);
    const apps = await this.apps.byIds(authorizations.map((authorization) => authorization.appId));
    return authorizations.flatMap((authorization) => {
      const app = apps.get(authorization.appId);
      return app && app.status !== 'suspended' ? [app] : [];
    });
  }

  /** The app (as `visible` finds it) and the user's openid for it; 403 when the user has not installed it. */
  async requireInstalled(userId: string, appId: string): Promise<{ app: RegisteredApp; openid: string }> {
    const app = await this.visible(userId, appId);
    const active = await this.authorizations.active(appId, userId);
    if (!active) throw forbidden('Install the app first');
    return { app, openid: active.openid };
  }

  /** One rating per user and app, changeable; only users who installed the app may rate it. */
  async rate(userId: string, appId: string, stars: number): Promise<void> {
    await this.em.transactional(async () => {
      await this.requireInstalled(userId, appId);
      await this.repository.rate(appId, userId, stars, this.clock.now());
    });
  }

  /**
   * Opens the app's canvas: its URL and a launch token naming the user by their openid. With a version,
   * that version's canvas, for those who test the app (a reviewer trying a submitted version).
   */
  async launch(
    userId: string,
    appId: string,
    versionNumber?: number,
  ): Promise<{ canvasUrl: string } & LaunchToken> {
    const { app, openid } = await this.requireInstalled(userId, appId);
    let canvasUrl = app.canvasUrl;
    if (versionNumber !== undefined) {
      if (!(await this.apps.mayTest(app, userId))) {
        throw forbidden("Only the app's developer, its testers and reviewers may open a version by number");
      }
      canvasUrl = (await this.apps.version(appId, versionNumber)).manifest.canvasUrl;
    }
    if (canvasUrl === null) throw conflict('conflict', `${app.name} has no canvas to open`);
    return { canvasUrl, ...this.launchTokens.issue(app.clientId, openid) };
  }

  /**
   * An app's uploaded icon, to whoever may know the app: anyone once it was published, and before that
   * those who may use it in development mode (so an unpublished app stays private).
   */
  async icon(viewerId: string | null, appId: string): Promise<{ image: Buffer; isPublic: boolean }> {
    const app = await this.apps.findById(appId);
    const isPublic = app?.publishedVersion != null;
    if (!app || (!isPublic && (viewerId === null || !(await this.apps.mayAuthorize(app, viewerId))))) {
      throw notFound('Icon');
    }
    const image = await this.apps.iconImage(appId);
    if (!image) throw notFound('Icon');
    return { image, isPublic };
  }
}
