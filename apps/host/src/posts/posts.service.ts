import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { Keyset, keysetCondition } from '../common/pagination';
import { badRequest, notFound, ProblemException } from '../common/problem';
import { nonBlank } from '../common/text';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import { ActivityService } from '../economy/activity.service';
import { FeedEntriesService } from '../feed/feed-entries.service';
import type { Verdict } from '../moderation/keyword-rules.service';
import type { ModerationState } from '../moderation/moderation-state';
import { ModerationService } from '../moderation/moderation.service';
import type { PrivacyLevel } from '../privacy/privacy-level';
import { type Audience, moderatedCondition, PrivacyService } from '../privacy/privacy.service';
import { blogText, sanitizeBlogHtml } from './blog-html';
import { Comment } from './comment.entity';
import { Commentable, CommentRow, InteractionsService, likeCountSql } from './interactions.service';
import { PostPhotos } from './post-photos';
import { Post, PostKind } from './post.entity';

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

/** A post as one viewer sees it: counts and "liked" are computed for that viewer. */
export interface PostRow {
  id: string;
  author_id: string;
  kind: PostKind;
  title: string | null;
  body: string;
  repost_of_id: string | null;
  app_id: string | null;
  link_url: string | null;
  image_url: string | null;
  privacy: PrivacyLevel;
  created_at: Date;
  updated_at: Date;
  like_count: number;
  comment_count: number;
  repost_count: number;
  liked: boolean;
  group_ids: string[];
  moderation: ModerationState;
  moderation_reason: string | null;
}

export type { CommentRow } from './interactions.service';

const postColumns = (alias: string) => ({
  id: `${alias}.id`,
  authorId: `${alias}.author_id`,
  level: `${alias}.privacy`,
  moderation: `${alias}.moderation`,
});

const commentColumns = (alias: string) => ({
  authorId: `${alias}.author_id`,
  moderation: `${alias}.moderation`,
});

/** The text of a post that keyword rules screen: a blog's title and what its HTML reads as. */
export function screenedParts(post: Pick<Post, 'kind' | 'title' | 'body'>): string[] {
  return post.kind === 'blog' ? [post.title ?? '', blogText(post.body)] : [post.body];
}

/** A story an app posted for its user. */
export interface AppStory {
  id: string;
  appId: string;
  authorId: string;
  body: string;
  linkUrl: string | null;
  imageUrl: string | null;
  privacy: PrivacyLevel;
  moderation: ModerationState;
  createdAt: Date;
}

/** What became of an app's story: its moderation state now, or deleted by its author. */
export type StoryChange = { story: AppStory; state: ModerationState | 'deleted' };
type StoryListener = (change: StoryChange) => Promise<void>;

@Injectable()
export class PostsService implements OnModuleInit {
  /** Told in the transaction of every change to an app's story (the Open API tells the app). */
  private readonly storyListeners: StoryListener[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly accounts: AccountsService,
    private readonly privacy: PrivacyService,
    private readonly feed: FeedEntriesService,
    private readonly moderation: ModerationService,
    private readonly activity: ActivityService,
    private readonly interactions: InteractionsService,
    private readonly postPhotos: PostPhotos,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.interactions.register({ type: 'post', label: 'Post', find: (id) => this.commentable(id) });
  }

  onStoryChange(listener: StoryListener): void {
    this.storyListeners.push(listener);
  }

  /** The story an app posted, or null when the post is none (or not the app's, or not the user's). */
  async appStory(postId: string, only?: { appId: string; authorId: string }): Promise<AppStory | null> {
    const [row] = await sqlRows<{
      id: string;
      app_id: string;
      author_id: string;
      body: string;
      link_url: string | null;
      image_url: string | null;
      privacy: PrivacyLevel;
      moderation: ModerationState;
      created_at: Date | string;
    }>(
      this.em,
      `select id, app_id, author_id, body, link_url, image_url, privacy, moderation, created_at from post
        where id = ? and kind = 'story' and app_id is not null
          and (?::uuid is null or (app_id = ? and author_id = ?))`,
      [postId, only?.appId ?? null, only?.appId ?? null, only?.authorId ?? null],
    );
    return row
      ? {
          id: row.id,
          appId: row.app_id,
          authorId: row.author_id,
          body: row.body,
          linkUrl: row.link_url,
          imageUrl: row.image_url,
          privacy: row.privacy,
          moderation: row.moderation,
          createdAt: new Date(row.created_at),
        }
      : null;
  }

  /**
   * Tells the listeners what became of a post if it is an app's story (a moderation decision, or its
   * author deleting it); call inside the change's transaction, before a deletion.
   */
  async storyChanged(postId: string, state: StoryChange['state']): Promise<void> {
    if (this.storyListeners.length === 0) return;
    const story = await this.appStory(postId);
    if (!story) return;
    for (const listener of this.storyListeners) await listener({ story, state });
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
      const post = this.em.create(Post, {
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
      this.em.persist(post);
      await this.em.flush();
      await this.postPhotos.attach(authorId, post.id, fields.photoIds);
      await this.moderation.enqueue({ type: 'post', id: post.id, authorId }, verdict);
      await this.privacy.setAudience({ id: post.id, authorId, level: audience.privacy }, audience.groupIds);
      this.feed.record(authorId, fields.kind === 'repost' ? 'reposted' : 'posted', post.id);
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

  /** How many stories the app posted for the user since `since` (its daily quota counts these). */
  async storiesSince(authorId: string, appId: string, since: Date): Promise<number> {
    const [row] = await sqlRows<{ count: number }>(
      this.em,
      `select count(*)::int as count from post
        where author_id = ? and app_id = ? and kind = 'story' and created_at >= ?`,
      [authorId, appId, since],
    );
    return row.count;
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
      const post = await this.em.findOne(Post, { id: postId });
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
      const owned = await sqlRows(this.em, 'select 1 from post where id = ? and author_id = ? for update', [
        postId,
        authorId,
      ]);
      if (owned.length === 0) throw notFound('Post');
      await this.storyChanged(postId, 'deleted');
      const removePhotoFiles = await this.postPhotos.removeForPost(postId);
      await sqlRun(this.em, 'delete from post where id = ?', [postId]);
      await this.privacy.clearAudience(postId);
      return removePhotoFiles;
    });
    await afterCommit();
  }

  /** The post's audience under the privacy rule, or null when there is no such post. */
  async audience(postId: string): Promise<Audience | null> {
    const post = await this.em.findOne(Post, { id: postId });
    return post
      ? { id: post.id, authorId: post.authorId, level: post.privacy, moderation: post.moderation }
      : null;
  }

  // ── reading ──────────────────────────────────────────────────────────────

  /** The post if the viewer may see it; otherwise 404, exactly as if it did not exist. */
  async visible(viewerId: string | null, postId: string): Promise<Post> {
    const post = await this.em.findOne(Post, { id: postId });
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
    const reposts = this.privacy.visibleCondition(viewerId, postColumns('r'));
    const comments = moderatedCondition(viewerId, commentColumns('c'));
    const rows = await sqlRows<PostRow>(
      this.em,
      `select p.id, p.author_id, p.kind, p.title, p.body, p.repost_of_id, p.app_id, p.link_url, p.image_url,
              p.privacy, p.created_at, p.updated_at,
              p.moderation, p.moderation_reason,
              ${likeCountSql('post', 'p.id')} as like_count,
              (select count(*) from comment c where c.post_id = p.id and ${comments.sql})::int as comment_count,
              (select count(*) from post r where r.repost_of_id = p.id and ${reposts.sql})::int as repost_count,
              exists (select 1 from post_like l where l.post_id = p.id and l.user_id = ?) as liked,
              array(select ag.group_id::text from audience_group ag where ag.subject_id = p.id order by 1) as group_ids
         from post p where p.id = any(?::uuid[])`,
      [...comments.params, ...reposts.params, viewerId, uuidArray(ids)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Of the given posts, those the viewer may see (to show a repost's original or hide it). */
  async visibleIds(viewerId: string | null, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const visible = this.privacy.visibleCondition(viewerId, postColumns('p'));
    const rows = await sqlRows<{ id: string }>(
      this.em,
      `select p.id from post p where p.id = any(?::uuid[]) and ${visible.sql}`,
      [uuidArray(ids), ...visible.params],
    );
    return new Set(rows.map((row) => row.id));
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
    const visible = this.privacy.visibleCondition(viewerId, postColumns('p'));
    const keyset = keysetCondition('p', after);
    return sqlRows(
      this.em,
      `select p.id, p.created_at from post p
        where p.author_id = ? ${kind ? 'and p.kind = ?' : ''} and ${keyset.sql} and ${visible.sql}
        order by p.created_at desc, p.id desc limit ?`,
      [authorId, ...(kind ? [kind] : []), ...keyset.params, ...visible.params, limit + 1],
    );
  }

  /** How many of the author's posts the viewer may see: a count never reveals hidden posts. */
  async countByAuthor(viewerId: string | null, authorId: string): Promise<number> {
    const visible = this.privacy.visibleCondition(viewerId, postColumns('p'));
    const [row] = await sqlRows<{ count: number }>(
      this.em,
      `select count(*)::int as count from post p where p.author_id = ? and ${visible.sql}`,
      [authorId, ...visible.params],
    );
    return row.count;
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
