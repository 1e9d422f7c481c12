import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { notSuspended } from '../accounts/accounts.fragments';
import { Keyset, keysetCondition } from '../common/pagination';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import { Notification, type NotificationKind } from './notification.entity';

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  actor_id: string | null;
  subject_id: string | null;
  post_id: string | null;
  photo_id: string | null;
  app_id: string | null;
  text: string | null;
  link_url: string | null;
  version_number: number | null;
  read_at: Date | null;
  created_at: Date;
}

/**
 * What a recipient is shown: nothing a suspended account did (a like, a comment, a request, a gift…)
 * while the suspension lasts. The rows stay, so lifting it brings them back.
 */
export const SHOWN = notSuspended('actor_id', { nullable: true });

/** Which of a recipient's notifications a list shows: a page of them, or of the unread ones only. */
export interface NotificationListQuery {
  limit: number;
  after: Keyset | undefined;
  unreadOnly: boolean;
}

/** The fields of a new notification. */
export type NewNotification = Pick<
  Notification,
  | 'recipientId'
  | 'kind'
  | 'actorId'
  | 'subjectId'
  | 'postId'
  | 'photoId'
  | 'appId'
  | 'text'
  | 'linkUrl'
  | 'versionNumber'
  | 'createdAt'
>;

/** SQL of the notification table for NotificationsService. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly em: EntityManager) {}

  /** Adds an unread notification to the caller's unit of work (it is written with the caller's flush). */
  add(fields: NewNotification): void {
    this.em.persist(this.em.create(Notification, { ...fields, readAt: null }));
  }

  /** A recipient's notifications, newest first, after the keyset; one more than `limit`. */
  list(recipientId: string, { limit, after, unreadOnly }: NotificationListQuery): Promise<NotificationRow[]> {
    const keyset = keysetCondition('n', after);
    return sqlRows<NotificationRow>(
      this.em,
      `select n.id, n.kind, n.actor_id, n.subject_id, n.post_id, n.photo_id, n.app_id, n.text, n.link_url,
              n.version_number, n.read_at, n.created_at
         from notification n
        where n.recipient_id = ? and ${SHOWN} and ${keyset.sql} ${unreadOnly ? 'and n.read_at is null' : ''}
        order by n.created_at desc, n.id desc
        limit ?`,
      [recipientId, ...keyset.params, limit + 1],
    );
  }

  /** Who has unread notifications from the actor (shown or not). */
  async recipientsWithUnreadFrom(actorId: string): Promise<string[]> {
    const rows = await sqlRows<{ recipient_id: string }>(
      this.em,
      'select distinct recipient_id from notification where actor_id = ? and read_at is null',
      [actorId],
    );
    return rows.map((row) => row.recipient_id);
  }

  /** How many notifications of a kind a user sent through an app since an instant. */
  async countSentThroughApp(
    appId: string,
    actorId: string,
    kind: NotificationKind,
    since: Date,
  ): Promise<number> {
    const [row] = await sqlRows<{ count: number }>(
      this.em,
      `select count(*)::int as count from notification
        where app_id = ? and actor_id = ? and kind = ? and created_at >= ?`,
      [appId, actorId, kind, since],
    );
    return row.count;
  }

  async unreadCount(recipientId: string): Promise<number> {
    const [row] = await sqlRows<{ count: number }>(
      this.em,
      `select count(*)::int as count from notification where recipient_id = ? and read_at is null and ${SHOWN}`,
      [recipientId],
    );
    return row?.count ?? 0;
  }

  /**
   * Marks the recipient's shown unread notifications read: those with the given ids, or all of them
   * when `ids` is undefined. Returns how many changed.
   */
  markRead(recipientId: string, ids: string[] | undefined, now: Date): Promise<number> {
    return ids === undefined
      ? sqlRun(
          this.em,
          `update notification set read_at = ? where recipient_id = ? and read_at is null and ${SHOWN}`,
          [now, recipientId],
        )
      : sqlRun(
          this.em,
          `update notification set read_at = ? where recipient_id = ? and read_at is null and ${SHOWN} and id = any(?::uuid[])`,
          [now, recipientId, uuidArray(ids)],
        );
  }
}
