import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import type { AuditAction, AuditDetail } from '../audit/audit-actions';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import type { Keyset } from '../common/pagination';
import { conflict, notFound } from '../common/problem';
import { AppRegistry } from './app-registry.service';
import type { AppVersion } from './app-version';
import { AppVersionsRepository } from './app-versions.repository';
import { AppVersionsService } from './app-versions.service';
import { AppsRepository } from './apps.repository';
import type { AppDecision, AppStatus, RegisteredApp } from './registered-app';

/**
 * What admins decide about apps: they approve or reject submitted versions and suspend or reinstate
 * apps, every change recorded with who and why (in the app's history and the audit log), and the
 * developer told (through the decision listeners).
 */
@Injectable()
export class AppReviewService {
  private readonly decisionListeners: ((decision: AppDecision) => void)[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly registry: AppRegistry,
    private readonly versions: AppVersionsService,
    private readonly versionsRepository: AppVersionsRepository,
    private readonly apps: AppsRepository,
    private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

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

  listForReview(status: AppStatus | undefined): Promise<RegisteredApp[]> {
    return this.registry.listByStatus(status);
  }

  /**
   * Versions waiting for an admin, oldest submission first, one more than `limit` to tell whether a page
   * follows; `after` is the (submitted at, app id) of the last one on the previous page.
   */
  listSubmitted(limit: number, after: Keyset | undefined): Promise<AppVersion[]> {
    return this.versionsRepository.submitted(limit, after);
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
      const app = await this.registry.findById(appId, true);
      if (!app) throw notFound('App');
      await this.versions.moveVersion(adminId, appId, number, action, reason);
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
      return this.versions.version(appId, number);
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
      const app = await this.registry.findById(appId, true);
      if (!app) throw notFound('App');
      if ((action === 'suspend') === (app.status === 'suspended')) {
        throw conflict(
          'app_status_conflict',
          action === 'suspend' ? 'The app is already suspended' : 'Only a suspended app can be reinstated',
        );
      }
      const target: AppStatus =
        action === 'suspend' ? 'suspended' : app.publishedVersion === null ? 'development' : 'published';
      await this.apps.setStatus(appId, target, target === 'suspended' ? reason : null, this.clock.now());
      await this.versions.record(appId, null, adminId, app.status, target, reason);
      await this.audited(adminId, `app.${action}`, appId, reason, { status: target, name: app.name });
      this.decided({
        appId,
        ownerId: app.ownerId,
        decision: action === 'suspend' ? 'suspended' : 'reinstated',
        versionNumber: null,
        reason,
      });
      return this.registry.current(appId);
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
