import { Injectable } from '@nestjs/common';
import { type AppDecision, AppsService } from '../apps/apps.service';
import type { NotificationKind } from './notification.entity';
import { NotificationsService } from './notifications.service';

const KIND_OF_DECISION: Record<AppDecision['decision'], NotificationKind> = {
  approved: 'app_version_approved',
  rejected: 'app_version_rejected',
  suspended: 'app_suspended',
  reinstated: 'app_reinstated',
};

/**
 * Tells a developer of every admin decision about their app, from the platform rather than from the
 * admin (who reviewed stays the admins' record), with the version and the reason.
 */
@Injectable()
export class AppDecisionNotices {
  constructor(apps: AppsService, notifications: NotificationsService) {
    apps.onDecision((decision) =>
      notifications.notify({
        recipientId: decision.ownerId,
        kind: KIND_OF_DECISION[decision.decision],
        actorId: null,
        appId: decision.appId,
        versionNumber: decision.versionNumber ?? undefined,
        text: decision.reason ?? undefined,
      }),
    );
  }
}
