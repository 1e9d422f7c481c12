import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { Keyset, keysetCondition } from '../common/pagination';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import { Notification, NotificationKind } from './notification.entity';

export interface NotifyInput {
  recipientId: string;
  kind: NotificationKind;
  actorId: string;
  subjectId?: string;
  postId?: string;
  appId?: string;
  text?: string;
  linkUrl?: string;
}

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  actor_id: string | null;
  subject_id: string | null;
  post_id: string | null;
  app_id: string | null;
  text: string | null;
  link_url: string | null;
  read_at: Date | null;
  created_at: Date;
}

@Injectable()
export class NotificationsService {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Records a notification in the caller's transaction; people are not told about their own actions. */
  notify(input: NotifyInput): void {
    if (input.recipientId === input.actorId) return;
    this.em.persist(
      this.em.create(Notification, {
        recipientId: input.recipientId,
        kind: input.kind,
        actorId: input.actorId,
        subjectId: input.subjectId ?? null,
        postId: input.postId ?? null,
        appId: input.appId ?? null,
        text: input.text ?? null,
        linkUrl: input.linkUrl ?? null,
        readAt: null,
        createdAt: this.clock.now(),
      }),
    );
  }

  async list(
    recipientId: string,
    limit: number,
    after: Keyset | undefined,
    unreadOnly: boolean,
  ): Promise<NotificationRow[]> {
    const keyset = keysetCondition('n', after);
    return sqlRows<NotificationRow>(
      this.em,
      `select n.id, n.kind, n.actor_id, n.subject_id, n.post_id, n.app_id, n.text, n.link_url, n.read_at, n.created_at
         from notification n
        where n.recipient_id = ? and ${keyset.sql} ${unreadOnly ? 'and n.read_at is null' : ''}
        order by n.created_at desc, n.id desc
        limit ?`,
      [recipientId, ...keyset.params, limit + 1],
    );
  }

  /** How many notifications of a kind a user sent through an app since an instant (app quotas). */
  async sentThroughAppSince(
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
      'select count(*)::int as count from notification where recipient_id = ? and read_at is null',
      [recipientId],
    );
    return row?.count ?? 0;
  }

  /** Marks the given notifications (or all, when `ids` is undefined) read; others' ids are ignored. */
  async markRead(recipientId: string, ids: string[] | undefined): Promise<number> {
    const now = this.clock.now();
    if (ids === undefined) {
      return sqlRun(
        this.em,
        'update notification set read_at = ? where recipient_id = ? and read_at is null',
        [now, recipientId],
      );
    }
    if (ids.length === 0) return 0;
    return sqlRun(
      this.em,
      'update notification set read_at = ? where recipient_id = ? and read_at is null and id = any(?::uuid[])',
      [now, recipientId, uuidArray(ids)],
    );
  }
}
