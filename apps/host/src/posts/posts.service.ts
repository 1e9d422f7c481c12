import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { Keyset } from '../common/pagination';
import { badRequest, notFound, ProblemException } from '../common/problem';
import { nonBlank } from '../common/text';
import { ActivityService } from '../economy/activity.service';
import type { Verdict } from '../moderation/keyword-rules.service';
import { ModerationService } from '../moderation/moderation.service';
import type { PrivacyLevel } from '../common/privacy-level';
import { type Audience, PrivacyService } from '../privacy/privacy.service';
import { blogText, sanitizeBlogHtml } from './blog-html';
import { Comment } from './comment.entity';
import { Commentable, CommentRow, InteractionsService } from './interactions.service';
import { PostActivities } from './post-activity';
import { PostPhotos } from './post-photos';
import { PostStoriesService } from './post-stories.service';
import { Post, PostKind } from './post.entity';
import { PostRow, PostsRepository } from './posts.repository';

export interface AudienceInput {
  privacy: PrivacyLevel;
  groupIds?: string[];
}

/** What an app puts in a story besides its text (both https URLs, already validated). */
export interface StoryAttachments {
  linkUrl: string | null;
  imageUrl: string | null;
}

export interface PostEdit {
  text?: string;
  title?: string;
  body?: string;
  privacy?: PrivacyLevel;
  groupIds?: string[];
}

export type { CommentRow } from './interactions.service';

/** The text of a post that keyword rules screen: a blog's title and what its HTML reads as. */
export function screenedParts(post: Pick<Post, 'kind' | 'title' | 'body'>): string[] {
  return post.kind === 'blog' ? [post.title ?? '', blogText(post.body)] : [post.body];
}

@Injectable()
export class PostsService implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: PostsRepository,
    private readonly accounts: AccountsService,
    private readonly privacy: PrivacyService,
    private readonly activities: PostActivities,
    private readonly stories: PostStoriesService,
    private readonly moderation: ModerationService,
    private readonly activity: ActivityService,
    private readonly interactions: InteractionsService,
    private readonly postPhotos: PostPhotos,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.interactions.register({ type: 'post', label: 'Post', find: (id) => this.commentable(id) });
  }

  private async commentable(postId: string): Promise<Commentable | null> {
    const audience = await this.audience(postId);
    return audience ? { id: audience.id, authorId: audience.authorId, audience } : null;
  }

  // ── writing ──────────────────────────────────────────────────────────────

  private async create(
    authorId: string,
    fields: {
      kind: PostKind;
      title?: string;
      body: string;
      repostOfId?: string;
      photoIds?: string[];
      story?: StoryAttachments & { appId: string };
    },
    audience: AudienceInput,
  ): Promise<Post> {
    const verdict = await this.moderation.screen(
      screenedParts({ kind: fields.kind, title: fields.title ?? null, body: fields.body }),
    );
    return this.em.transactional(async () => {
      const now = this.clock.now();
      const post = await this.repository.insert({
        authorId,
        kind: fields.kind,
        title: fields.title ?? null,
        body: fields.body,
        repostOfId: fields.repostOfId ?? null,
        appId: fields.story?.appId ?? null,
        linkUrl: fields.story?.linkUrl ?? null,
        imageUrl: fields.story?.imageUrl ?? null,
        privacy: audience.privacy,
        moderation: this.moderation.stateAfter(verdict),
        createdAt: now,
        updatedAt: now,
      });
      await this.postPhotos.attach(authorId, post.id, fields.photoIds);
      await this.moderation.enqueue({ type: 'post', id: post.id, authorId }, verdict);
      await this.privacy.setAudience({ id: post.id, authorId, level: audience.privacy }, audience.groupIds);
      this.activities.tell({
        actorId: authorId,
        verb: fields.kind === 'repost' ? 'reposted' : 'posted',
        postId: post.id,
      });
      return post;
    });
  }

  /** A mood, with up to 9 of the author's uploaded photos that follow its audience. */
  async createMood(
    authorId: string,
    text: string,
    audience: AudienceInput,
    photoIds?: string[],
  ): Promise<Post> {
    const post = await this.create(
      authorId,
      { kind: 'mood', body: nonBlank(text, 'text'), photoIds },
      audience,
    );
    // Held content earns nothing: points would otherwise reward what moderation stopped.
    if (post.moderation === 'published') await this.activity.record(authorId, 'mood');
    return post;
  }

  async createBlog(authorId: string, title: string, html: string, audience: AudienceInput): Promise<Post> {
    const post = await this.create(
      authorId,
      { kind: 'blog', title: nonBlank(title, 'title'), body: sanitizeBlogHtml(html) },
      audience,
    );
    if (post.moderation === 'published') await this.activity.record(authorId, 'blog');
    return post;
  }

  /**
   * A story an app posts for its user: screened like a mood, in the user's space and their friends'
   * feeds under the same privacy rule. It earns no activity points: the app, not the user, wrote it.
   */
  createStory(
    authorId: string,
    appId: string,
    text: string,
    attachments: StoryAttachments,
    audience: AudienceInput,
  ): Promise<Post> {
    return this.create(
      authorId,
      { kind: 'story', body: nonBlank(text, 'text'), story: { appId, ...attachments } },
      audience,
    );
  }

  /** Reposts point at the original post, never at another repost, so chains stay one level deep. */
  async repost(
    authorId: string,
    postId: string,
    text: string | undefined,
    audience: AudienceInput,
  ): Promise<Post> {
    const target = await this.interactable(authorId, postId);
    const original = target.repostOfId ? await this.interactable(authorId, target.repostOfId) : target;
    return this.create(
      authorId,
      { kind: 'repost', body: (text ?? '').trim(), repostOfId: original.id },
      audience,
    );
  }

  async update(authorId: string, postId: string, edit: PostEdit): Promise<Post> {
    return this.em.transactional(async () => {
      const post = await this.repository.find(postId);
      if (!post || post.authorId !== authorId) throw notFound('Post');
      if (post.kind === 'blog') {
        if (edit.text !== undefined)
          throw badRequest('validation_failed', 'Blogs have a title and a body, not text');
        if (edit.title !== undefined) post.title = nonBlank(edit.title, 'title');
        if (edit.body !== undefined) post.body = sanitizeBlogHtml(edit.body);
      } else {
        // A story speaks in its app's name: the user may change who sees it or delete it, not reword it.
        if (post.kind === 'story' && edit.text !== undefined)
          throw badRequest('validation_failed', "A story's text comes from its app; it cannot be edited");
        if (edit.title !== undefined || edit.body !== undefined) {
          throw badRequest('validation_failed', 'Only blogs have a title and a body; use text');
        }
        if (edit.text !== undefined)
          post.body = post.kind === 'mood' ? nonBlank(edit.text, 'text') : edit.text.trim();
      }
      if (edit.text !== undefined || edit.title !== undefined || edit.body !== undefined) {
        await this.rescreen(post);
      }
      if (edit.privacy !== undefined || edit.groupIds !== undefined) {
        const level = edit.privacy ?? post.privacy;
        const groupIds =
          edit.groupIds ?? (level === 'groups' ? await this.privacy.audienceGroups(post.id) : undefined);
        await this.privacy.setAudience({ id: post.id, authorId, level }, groupIds);
        post.privacy = level;
      }
      post.updatedAt = this.clock.now();
      return post;
    });
  }

  /**
   * Screens an edited post again: a block refuses the edit, a hold takes a published post back
   * under review. An edit never publishes a post a reviewer has not (yet) published.
   */
  private async rescreen(post: Post): Promise<void> {
    const verdict: Verdict = await this.moderation.screen(screenedParts(post));
    if (verdict.action === 'hold' && post.moderation === 'published') {
      post.moderation = 'held';
      post.moderationReason = null;
    }
    await this.moderation.enqueue({ type: 'post', id: post.id, authorId: post.authorId }, verdict);
  }

  /** Deletes the post with its photos; the photos' files go after the commit. */
  async delete(authorId: string, postId: string): Promise<void> {
    const afterCommit = await this.em.transactional(async () => {
      if (!(await this.repository.lockOwned(postId, authorId))) throw notFound('Post');
      await this.stories.storyChanged(postId, 'deleted');
      const removePhotoFiles = await this.postPhotos.removeForPost(postId);
      await this.repository.delete(postId);
      await this.privacy.clearAudience(postId);
      return removePhotoFiles;
    });
    await afterCommit();
  }

  /** The post's audience under the privacy rule, or null when there is no such post. */
  async audience(postId: string): Promise<Audience | null> {
    const post = await this.repository.find(postId);
    return post
      ? { id: post.id, authorId: post.authorId, level: post.privacy, moderation: post.moderation }
      : null;
  }

  // ── reading ──────────────────────────────────────────────────────────────

  /** The post if the viewer may see it; otherwise 404, exactly as if it did not exist. */
  async visible(viewerId: string | null, postId: string): Promise<Post> {
    const post = await this.repository.find(postId);
    if (
      !post ||
      !(await this.privacy.canView(viewerId, {
        id: post.id,
        authorId: post.authorId,
        level: post.privacy,
        moderation: post.moderation,
      }))
    ) {
      throw notFound('Post');
    }
    return post;
  }

  /** The post if the viewer may act on it; a blocked viewer is told so only if they can see it. */
  private async interactable(viewerId: string, postId: string): Promise<Post> {
    const post = await this.visible(viewerId, postId);
    if (
      !(await this.privacy.canInteract(viewerId, {
        id: post.id,
        authorId: post.authorId,
        level: post.privacy,
        moderation: post.moderation,
      }))
    ) {
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'blocked',
        'The author does not accept your interactions',
      );
    }
    return post;
  }

  /**
   * Rows of the given posts as the viewer sees them, in the order of `ids`. Callers pass only ids
   * the privacy rule already admitted; the repost count is filtered by the rule again.
   */
  async rows(viewerId: string | null, ids: string[]): Promise<PostRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.repository.rows(viewerId, ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Of the given posts, those the viewer may see (to show a repost's original or hide it). */
  async visibleIds(viewerId: string | null, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    return new Set(await this.repository.visibleIds(viewerId, ids));
  }

  /** One author's posts that the viewer may see, newest first (the space page's list). */
  async listByAuthor(
    viewerId: string | null,
    authorId: string,
    limit: number,
    after: Keyset | undefined,
    kind?: PostKind,
  ): Promise<{ id: string; created_at: Date }[]> {
    await this.accounts.presentTo(viewerId, authorId);
    return this.repository.listByAuthor(viewerId, { id: authorId, kind }, limit, after);
  }

  /** How many of the author's posts the viewer may see: a count never reveals hidden posts. */
  countByAuthor(viewerId: string | null, authorId: string): Promise<number> {
    return this.repository.countByAuthor(viewerId, authorId);
  }

  // ── comments and likes (the shared interactions service; a post is one kind of commentable) ──

  addComment(viewerId: string, postId: string, body: string, parentId: string | undefined): Promise<Comment> {
    return this.interactions.addComment(viewerId, 'post', postId, body, parentId);
  }

  listComments(
    viewerId: string | null,
    postId: string,
    limit: number,
    after: Keyset | undefined,
  ): Promise<CommentRow[]> {
    return this.interactions.listComments(viewerId, 'post', postId, limit, after);
  }

  commentsByIds(ids: string[]): Promise<CommentRow[]> {
    return this.interactions.commentsByIds(ids);
  }

  deleteComment(viewerId: string, postId: string, commentId: string): Promise<void> {
    return this.interactions.deleteComment(viewerId, 'post', postId, commentId);
  }

  like(viewerId: string, postId: string): Promise<number> {
    return this.interactions.like(viewerId, 'post', postId);
  }

  unlike(viewerId: string, postId: string): Promise<number> {
    return this.interactions.unlike(viewerId, 'post', postId);
  }
}
