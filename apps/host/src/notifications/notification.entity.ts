import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../common/ids';

export const NOTIFICATION_KINDS = [
  'friend_request_received',
  'friend_request_accepted',
  'comment',
  'reply',
  'like',
  'board_message',
  // From apps (Open API and app center); `appId` says which app, `text` is what the app wrote.
  'app_invite',
  'app_message',
  'gift_received',
  'gift_thanked',
  'order_refunded',
  // To an app's developer, from the platform (no actor): admins' decisions about the app (`appId`),
  // the version decided on (`versionNumber`) and the admin's reason (`text`).
  'app_version_approved',
  'app_version_rejected',
  'app_suspended',
  'app_reinstated',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

@Entity({ tableName: 'notification' })
export class Notification {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  recipientId!: string;

  @Property({ type: 'text' })
  kind!: NotificationKind;

  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  /** The friend request, comment or board message the notification is about. */
  @Property({ type: 'uuid', nullable: true })
  subjectId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  postId?: string | null;

  /** The photo a comment, reply or like was on. */
  @Property({ type: 'uuid', nullable: true })
  photoId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  appId?: string | null;

  @Property({ type: 'text', nullable: true })
  text?: string | null;

  /** The app version a decision was about. */
  @Property({ type: 'integer', nullable: true })
  versionNumber?: number | null;

  /** Where an app's notification leads (https), if it gave a link. */
  @Property({ type: 'text', nullable: true })
  linkUrl?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  readAt?: Date | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
