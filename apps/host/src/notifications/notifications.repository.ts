import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { notSuspended } from '../accounts/accounts.repository';
import { Keyset, keysetCondition } from '../common/pagination';
import { sqlRows } from '../database/sql';
import type { NotificationKind } from './notification.entity';

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

/** SQL of the notification table for NotificationsService (new and changed queries; older ones are still there). */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly em: EntityManager) {}

  /** A recipient's notifications, newest first, after the keyset; one more than `limit`. */
  list(
    recipientId: string,
    limit: number,
    after: Keyset | undefined,
    unreadOnly: boolean,
  ): Promise<NotificationRow[]> {
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
}
