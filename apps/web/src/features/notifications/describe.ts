import type { Account } from '@kongjian/client';
import type { TFunction } from 'i18next';
import type { Notification } from './queries';

/** The notification as one sentence in the person's language, naming who (or which app) did what. */
export function describe(notification: Notification, t: TFunction<'notifications'>): string {
  const values = {
    name: notification.actor?.nickname ?? t('someone'),
    app: notification.app?.name ?? t('anApp'),
    text: notification.text ?? '',
    version: notification.versionNumber ?? '',
  };
  const onPhoto =
    notification.subjectType === 'photo' || (notification.photoId !== null && !notification.postId);
  switch (notification.kind) {
    case 'comment':
      return t(onPhoto ? 'kind.commentPhoto' : 'kind.comment', values);
    case 'reply':
      return t(onPhoto ? 'kind.replyPhoto' : 'kind.reply', values);
    case 'like':
      return t(onPhoto ? 'kind.likePhoto' : 'kind.like', values);
    case 'gift_received':
    case 'gift_thanked':
      return t(notification.text ? `kind.${notification.kind}` : `kind.${notification.kind}_plain`, values);
    default:
      return t(`kind.${notification.kind}`, values);
  }
}

/** The platform's decisions about a developer's app, which the developer follows up in the console. */
const CONSOLE_KINDS: ReadonlySet<Notification['kind']> = new Set([
  'app_version_approved',
  'app_version_rejected',
  'app_suspended',
  'app_reinstated',
]);

/**
 * The app's versions in the console, for a decision about it: a page of another single-page app, so
 * it is opened with a full page load rather than a route of this one.
 */
export function consoleTargetOf(notification: Notification): string | null {
  if (!CONSOLE_KINDS.has(notification.kind) || !notification.app) return null;
  return `/console/apps/${encodeURIComponent(notification.app.id)}?tab=versions`;
}

/** Where a notification's subject lives in the web app, when it is not a photo (those are looked up). */
export function targetOf(notification: Notification, me: Account): string | null {
  const mySpace = `/u/${encodeURIComponent(me.username)}`;
  switch (notification.kind) {
    case 'friend_request_received':
      return '/friends?tab=requests';
    case 'friend_request_accepted':
      return notification.actor ? `/u/${encodeURIComponent(notification.actor.username)}` : '/friends';
    case 'board_message':
      return mySpace;
    case 'gift_received':
      return mySpace;
    case 'gift_thanked':
      // The thanks is for a gift on their wall.
      return notification.actor ? `/u/${encodeURIComponent(notification.actor.username)}` : null;
    case 'app_invite':
    case 'app_message':
      return notification.app ? `/app-center/${notification.app.id}` : null;
    case 'order_refunded':
      return '/wallet';
    default:
      return notification.postId ? `/posts/${notification.postId}` : null;
  }
}
