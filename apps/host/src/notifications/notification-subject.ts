import type { NotificationKind } from './notification.entity';
import type { NotificationRow } from './notifications.repository';

/** What a notification is about, so a client can say it in words and link to it (names as in moderation). */
export const NOTIFICATION_SUBJECT_TYPES = [
  'friend_request',
  'comment',
  'post',
  'photo',
  'board_message',
  'gift',
  'order',
  'app',
] as const;
export type NotificationSubjectType = (typeof NOTIFICATION_SUBJECT_TYPES)[number];

const SUBJECT_OF_KIND: Record<Exclude<NotificationKind, 'like'>, NotificationSubjectType> = {
  friend_request_received: 'friend_request',
  friend_request_accepted: 'friend_request',
  comment: 'comment',
  reply: 'comment',
  board_message: 'board_message',
  app_invite: 'app',
  app_message: 'app',
  gift_received: 'gift',
  gift_thanked: 'gift',
  order_refunded: 'order',
  app_version_approved: 'app',
  app_version_rejected: 'app',
  app_suspended: 'app',
  app_reinstated: 'app',
};

/**
 * The subject's type and id. Stored rows keep a like's post in `post_id` (a photo like's photo in
 * `subject_id` and `photo_id`) and an app kind's app in `app_id`; clients get one pair for every kind.
 */
export function notificationSubject(
  row: Pick<NotificationRow, 'kind' | 'subject_id' | 'post_id' | 'photo_id' | 'app_id'>,
): { type: NotificationSubjectType; id: string | null } {
  if (row.kind === 'like') {
    return row.photo_id ? { type: 'photo', id: row.photo_id } : { type: 'post', id: row.post_id };
  }
  const type = SUBJECT_OF_KIND[row.kind];
  return { type, id: type === 'app' ? row.app_id : row.subject_id };
}
