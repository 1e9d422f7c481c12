import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import type { NotificationKind } from './notification.entity';
import {
  type NotificationListQuery,
  NotificationRow,
  NotificationsRepository,
} from './notifications.repository';
import { UnreadPublisher } from './unread-publisher';

export interface NotifyInput {
  recipientId: string;
  kind: NotificationKind;
  /** Who did it; null when the platform itself tells the user (admins' decisions about their apps). */
  actorId: string | null;
  subjectId?: string;
  postId?: string;
  photoId?: string;
  appId?: string;
  text?: string;
  linkUrl?: string;
  versionNumber?: number;
}

@Injectable()
export class NotificationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: NotificationsRepository,
    private readonly unread: UnreadPublisher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Records a notification in the caller's transaction; people are not told about their own actions.
   * The recipient's open streams hear of it once it is committed (UnreadPublisher).
   */
  notify(input: NotifyInput): void {
    if (input.recipientId === input.actorId) return;
    this.repository.add({
      recipientId: input.recipientId,
      kind: input.kind,
      actorId: input.actorId,
      subjectId: input.subjectId ?? null,
      postId: input.postId ?? null,
      photoId: input.photoId ?? null,
      appId: input.appId ?? null,
      text: input.text ?? null,
      linkUrl: input.linkUrl ?? null,
      versionNumber: input.versionNumber ?? null,
      createdAt: this.clock.now(),
    });
  }

  list(recipientId: string, query: NotificationListQuery): Promise<NotificationRow[]> {
    return this.repository.list(recipientId, query);
  }

  /**
   * The actor was suspended or is back: everyone with unread notifications from them now counts
   * differently, and their open streams hear of it once the change is committed.
   */
  async actorStandingChanged(actorId: string): Promise<void> {
    this.unread.changed(this.em, await this.repository.recipientsWithUnreadFrom(actorId));
  }

  /** How many notifications of a kind a user sent through an app since an instant (app quotas). */
  sentThroughAppSince(appId: string, actorId: string, kind: NotificationKind, since: Date): Promise<number> {
    return this.repository.countSentThroughApp(appId, actorId, kind, since);
  }

  unreadCount(recipientId: string): Promise<number> {
    return this.repository.unreadCount(recipientId);
  }

  /**
   * Marks the given notifications (or all shown, when `ids` is undefined) read; others' ids are ignored.
   * Hidden ones keep their state, so they come back as they were when a suspension is lifted.
   */
  async markRead(recipientId: string, ids: string[] | undefined): Promise<number> {
    const now = this.clock.now();
    if (ids !== undefined && ids.length === 0) return 0;
    const updated = await this.repository.markRead(recipientId, ids, now);
    if (updated > 0) this.unread.changed(this.em, [recipientId]);
    return updated;
  }
}
