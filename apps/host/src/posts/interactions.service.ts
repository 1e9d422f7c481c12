import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { Keyset } from '../common/pagination';
import { badRequest, notFound, ProblemException } from '../common/problem';
import { nonBlank } from '../common/text';
import { ActivityService } from '../economy/activity.service';
import { ModerationService } from '../moderation/moderation.service';
import { NotificationsService } from '../notifications/notifications.service';
import { type Audience, PrivacyService } from '../privacy/privacy.service';
import { Comment } from './comment.entity';
import { type CommentRow, InteractionsRepository } from './interactions.repository';
import { PostActivities } from './post-activity';
import type { CommentableType } from './posts.fragments';

export type { CommentRow } from './interactions.repository';

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
    private readonly repository: InteractionsRepository,
    private readonly privacy: PrivacyService,
    private readonly activities: PostActivities,
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
        parent = await this.repository.findComment(parentId.toLowerCase(), on);
        // A reply to a comment the viewer cannot see (held, say) is a reply to nothing.
        if (!parent || parent.parentId || !(await this.privacy.canViewModerated(viewerId, parent))) {
          throw badRequest('invalid_parent', `parentId must be a top-level comment of the same ${type}`);
        }
      }
      const comment = await this.repository.insertComment({
        on,
        authorId: viewerId,
        parentId: parent?.id ?? null,
        body: text,
        moderation: this.moderation.stateAfter(verdict),
        createdAt: this.clock.now(),
      });
      await this.moderation.enqueue({ type: 'comment', id: comment.id, authorId: viewerId }, verdict);
      // The feed tells of comments on posts; a photo's comments stay on the photo.
      if (type === 'post') {
        this.activities.tell({ actorId: viewerId, verb: 'commented', postId: itemId, commentId: comment.id });
      }
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
    return this.repository.listComments(viewerId, { type, id: itemId }, limit, after);
  }

  async commentsByIds(ids: string[]): Promise<CommentRow[]> {
    if (ids.length === 0) return [];
    return this.repository.commentsByIds(ids);
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
    const comment = await this.repository.findComment(commentId, on);
    if (!comment || (comment.authorId !== viewerId && item.authorId !== viewerId)) throw notFound('Comment');
    await this.repository.deleteComment(commentId);
  }

  // ── likes ────────────────────────────────────────────────────────────────

  /** Liking twice is one like: the primary key decides, so racing likes cannot double count. */
  async like(viewerId: string, type: CommentableType, itemId: string): Promise<number> {
    const item = await this.interactable(type, viewerId, itemId);
    return this.em.transactional(async () => {
      const inserted = await this.repository.insertLike(type, itemId, viewerId, this.clock.now());
      if (inserted > 0) {
        this.notifications.notify({
          recipientId: item.authorId,
          kind: 'like',
          actorId: viewerId,
          ...(type === 'post' ? { postId: itemId } : { subjectId: itemId, photoId: itemId }),
        });
      }
      return this.repository.likeCount(type, itemId);
    });
  }

  async unlike(viewerId: string, type: CommentableType, itemId: string): Promise<number> {
    await this.visible(type, viewerId, itemId);
    await this.repository.deleteLike(type, itemId, viewerId);
    return this.repository.likeCount(type, itemId);
  }
}
