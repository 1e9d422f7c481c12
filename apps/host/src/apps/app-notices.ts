import { Injectable } from '@nestjs/common';
import type { NotificationKind } from '../notifications/notification.entity';
import { NotificationAppLabels } from '../notifications/notification-app-labels';
import { NotificationsService } from '../notifications/notifications.service';
import { type AppDecision, AppsService } from './apps.service';

const KIND_OF_DECISION: Record<AppDecision['decision'], NotificationKind> = {
  approved: 'app_version_approved',
  rejected: 'app_version_rejected',
  suspended: 'app_suspended',
  reinstated: 'app_reinstated',
};

/**
 * What notifications need of apps: a developer is told of every admin decision about their app, from the
 * platform rather than from the admin (who reviewed stays the admins' record), with the version and the
 * reason; and the notification list names the app a notice came from.
 */
@Injectable()
export class AppNotices {
  constructor(apps: AppsService, notifications: NotificationsService, labels: NotificationAppLabels) {
    labels.plugIn((appIds) => apps.labels(appIds));
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
