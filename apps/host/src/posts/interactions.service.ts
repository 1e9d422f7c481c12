import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { notSuspended } from '../accounts/accounts.repository';
import { Clock } from '../common/clock';
import { Keyset, keysetCondition } from '../common/pagination';
import { badRequest, notFound, ProblemException } from '../common/problem';
import { nonBlank } from '../common/text';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import { ActivityService } from '../economy/activity.service';
import { FeedEntriesService } from '../feed/feed-entries.service';
import type { ModerationState } from '../moderation/moderation-state';
import { ModerationService } from '../moderation/moderation.service';
import { NotificationsService } from '../notifications/notifications.service';
import { type Audience, moderatedCondition, PrivacyService } from '../privacy/privacy.service';
import { Comment } from './comment.entity';

/** What people can comment on and like: posts, and photos (registered by the albums module). */
export type CommentableType = 'post' | 'photo';

/** A commentable item as the privacy rule needs it: its author and its audience. */
export interface Commentable {
  id: string;
  authorId: string;
  /** Who may see the item: the item's own audience, or its container's (a photo's album or mood). */
  audience: Audience;
}

/** How a content module finds its commentable items; the interactions service does the rest. */
export interface CommentableResolver {
  type: CommentableType;
  /** The item's name in a 404 ("Post not found"). */
  label: string;
  find(id: string): Promise<Commentable | null>;
}

export interface CommentRow {
  id: string;
  post_id: string | null;
  photo_id: string | null;
  author_id: string;
  parent_id: string | null;
  body: string;
  created_at: Date;
  moderation: ModerationState;
  moderation_reason: string | null;
}

/** Fixed per type (never from input): the comment column and the like table of each kind of item. */
const TABLES = {
  post: { commentColumn: 'post_id', likeTable: 'post_like', likeColumn: 'post_id' },
  photo: { commentColumn: 'photo_id', likeTable: 'photo_like', likeColumn: 'photo_id' },
} as const;

/**
 * SQL of an item's like count, for the item in `itemColumn`: likes of suspended accounts are not
 * counted while the suspension lasts (the likes stay, and count again once it is lifted).
 */
export function likeCountSql(type: CommentableType, itemColumn: string): string {
  const { likeTable, likeColumn } = TABLES[type];
  return `(select count(*) from ${likeTable} l where l.${likeColumn} = ${itemColumn} and ${notSuspended('l.user_id')})::int`;
}

const commentColumns = (alias: string) => ({
  authorId: `${alias}.author_id`,
  moderation: `${alias}.moderation`,
});

export const COMMENT_FIELDS =
  'c.id, c.post_id, c.photo_id, c.author_id, c.parent_id, c.body, c.created_at, c.moderation, c.moderation_reason';

/**
 * Comments and likes on anything commentable, once: replies one level deep, keyword screening of
 * comments, notifications, points, delete permissions. Each kind of item brings only a resolver
 * that finds it and its audience; the one privacy rule decides the rest.
 */
@Injectable()
export class InteractionsService {
  private readonly resolvers = new Map<CommentableType, CommentableResolver>();

  constructor(
    private readonly em: EntityManager,
    private readonly privacy: PrivacyService,
    private readonly feed: FeedEntriesService,
    private readonly notifications: NotificationsService,
    private readonly moderation: ModerationService,
    private readonly activity: ActivityService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  register(resolver: CommentableResolver): void {
    if (this.resolvers.has(resolver.type)) throw new Error(`commentable ${resolver.type} registered twice`);
    this.resolvers.set(resolver.type, resolver);
  }

  private resolver(type: CommentableType): CommentableResolver {
    const resolver = this.resolvers.get(type);
    if (!resolver) throw new Error(`commentable ${type} is not registered`);
    return resolver;
  }

  /** The item if the viewer may see it; otherwise 404, exactly as if it did not exist. */
  async visible(type: CommentableType, viewerId: string | null, id: string): Promise<Commentable> {
    const resolver = this.resolver(type);
    const item = await resolver.find(id);
    if (!item || !(await this.privacy.canView(viewerId, item.audience))) throw notFound(resolver.label);
    return item;
  }

  async canSee(type: CommentableType, viewerId: string | null, id: string): Promise<boolean> {
    const item = await this.resolver(type).find(id);
    return item !== null && (await this.privacy.canView(viewerId, item.audience));
  }

  /** The item if the viewer may act on it; a blocked viewer is told so only if they can see it. */
  async interactable(type: CommentableType, viewerId: string, id: string): Promise<Commentable> {
    const item = await this.visible(type, viewerId, id);
    if (!(await this.privacy.canInteract(viewerId, item.audience))) {
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'blocked',
        'The author does not accept your interactions',
      );
    }
    return item;
  }

  // ── comments ─────────────────────────────────────────────────────────────

  async addComment(
    viewerId: string,
    type: CommentableType,
    itemId: string,
    body: string,
    parentId: string | undefined,
  ): Promise<Comment> {
    const item = await this.interactable(type, viewerId, itemId);
    const text = nonBlank(body, 'body');
    const verdict = await this.moderation.screen([text]);
    const on = type === 'post' ? { postId: itemId } : { photoId: itemId };
    const created = await this.em.transactional(async () => {
      let parent: Comment | null = null;
      if (parentId) {
        parent = await this.em.findOne(Comment, { id: parentId.toLowerCase(), ...on });
        // A reply to a comment the viewer cannot see (held, say) is a reply to nothing.
        if (!parent || parent.parentId || !(await this.privacy.canViewModerated(viewerId, parent))) {
          throw badRequest('invalid_parent', `parentId must be a top-level comment of the same ${type}`);
        }
      }
      const comment = this.em.create(Comment, {
        postId: null,
        photoId: null,
        ...on,
        authorId: viewerId,
        parentId: parent?.id ?? null,
        body: text,
        moderation: this.moderation.stateAfter(verdict),
        createdAt: this.clock.now(),
      });
      this.em.persist(comment);
      await this.em.flush();
      await this.moderation.enqueue({ type: 'comment', id: comment.id, authorId: viewerId }, verdict);
      // The feed tells of comments on posts; a photo's comments stay on the photo.
      if (type === 'post') this.feed.record(viewerId, 'commented', itemId, comment.id);
      // Nobody is told about a held comment: they could not open it.
      if (comment.moderation !== 'published') return comment;
      const where = type === 'post' ? { postId: itemId } : { photoId: itemId };
      this.notifications.notify({
        recipientId: item.authorId,
        kind: 'comment',
        actorId: viewerId,
        subjectId: comment.id,
        ...where,
      });
      if (parent && parent.authorId !== item.authorId) {
        this.notifications.notify({
          recipientId: parent.authorId,
          kind: 'reply',
          actorId: viewerId,
          subjectId: comment.id,
          ...where,
        });
      }
      return comment;
    });
    // Points go to the author for comments from others, after the comment is committed.
    if (item.authorId !== viewerId && created.moderation === 'published') {
      await this.activity.record(item.authorId, 'comment_received');
    }
    return created;
  }

  async listComments(
    viewerId: string | null,
    type: CommentableType,
    itemId: string,
    limit: number,
    after: Keyset | undefined,
  ): Promise<CommentRow[]> {
    await this.visible(type, viewerId, itemId);
    const keyset = keysetCondition('c', after);
    const visible = moderatedCondition(viewerId, commentColumns('c'));
    return sqlRows<CommentRow>(
      this.em,
      `select ${COMMENT_FIELDS} from comment c
        where c.${TABLES[type].commentColumn} = ? and ${keyset.sql} and ${visible.sql}
        order by c.created_at desc, c.id desc limit ?`,
      [itemId, ...keyset.params, ...visible.params, limit + 1],
    );
  }

  async commentsByIds(ids: string[]): Promise<CommentRow[]> {
    if (ids.length === 0) return [];
    return sqlRows<CommentRow>(
      this.em,
      `select ${COMMENT_FIELDS} from comment c where c.id = any(?::uuid[])`,
      [uuidArray(ids)],
    );
  }

  /** Whether the viewer may see a comment: its item is visible and moderation lets them see it. */
  async commentVisible(viewerId: string, commentId: string): Promise<boolean> {
    const [comment] = await this.commentsByIds([commentId]);
    if (
      !comment ||
      !(await this.privacy.canViewModerated(viewerId, {
        authorId: comment.author_id,
        moderation: comment.moderation,
      }))
    )
      return false;
    return comment.post_id
      ? this.canSee('post', viewerId, comment.post_id)
      : this.canSee('photo', viewerId, comment.photo_id!);
  }

  /** The comment's author or the item's author may delete a comment; its replies go with it. */
  async deleteComment(
    viewerId: string,
    type: CommentableType,
    itemId: string,
    commentId: string,
  ): Promise<void> {
    const item = await this.visible(type, viewerId, itemId);
    const on = type === 'post' ? { postId: itemId } : { photoId: itemId };
    const comment = await this.em.findOne(Comment, { id: commentId, ...on });
    if (!comment || (comment.authorId !== viewerId && item.authorId !== viewerId)) throw notFound('Comment');
    await sqlRun(this.em, 'delete from comment where id = ?', [commentId]);
  }

  // ── likes ────────────────────────────────────────────────────────────────

  /** Liking twice is one like: the primary key decides, so racing likes cannot double count. */
  async like(viewerId: string, type: CommentableType, itemId: string): Promise<number> {
    const item = await this.interactable(type, viewerId, itemId);
    const { likeTable, likeColumn } = TABLES[type];
    return this.em.transactional(async () => {
      const inserted = await sqlRun(
        this.em,
        `insert into ${likeTable} (${likeColumn}, user_id, created_at) values (?, ?, ?) on conflict do nothing`,
        [itemId, viewerId, this.clock.now()],
      );
      if (inserted > 0) {
        this.notifications.notify({
          recipientId: item.authorId,
          kind: 'like',
          actorId: viewerId,
          ...(type === 'post' ? { postId: itemId } : { subjectId: itemId, photoId: itemId }),
        });
      }
      return this.likeCount(type, itemId);
    });
  }

  async unlike(viewerId: string, type: CommentableType, itemId: string): Promise<number> {
    await this.visible(type, viewerId, itemId);
    const { likeTable, likeColumn } = TABLES[type];
    await sqlRun(this.em, `delete from ${likeTable} where ${likeColumn} = ? and user_id = ?`, [
      itemId,
      viewerId,
    ]);
    return this.likeCount(type, itemId);
  }

  private async likeCount(type: CommentableType, itemId: string): Promise<number> {
    const [row] = await sqlRows<{ count: number }>(this.em, `select ${likeCountSql(type, '?')} as count`, [
      itemId,
    ]);
    return row.count;
  }
}
