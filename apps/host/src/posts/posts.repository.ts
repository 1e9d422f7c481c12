import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Keyset, keysetCondition } from '../common/pagination';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import { compareAndSetModeration } from '../database/moderation-columns';
import type { ModerationState } from '../moderation/moderation-state';
import type { PrivacyLevel } from '../common/privacy-level';
import { audienceGroupIds, visibleCondition } from '../privacy/privacy.fragments';
import { Post, PostKind } from './post.entity';
import { commentCountSql, likeCountSql, likedSql, postColumns } from './posts.fragments';

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

/** What moderation reads of a post. */
export interface PostSubjectRow {
  id: string;
  author_id: string;
  kind: PostKind;
  title: string | null;
  body: string;
  privacy: PrivacyLevel;
  moderation: ModerationState;
  moderation_reason: string | null;
}

/** The fields of a new post. */
export type NewPost = Pick<
  Post,
  | 'authorId'
  | 'kind'
  | 'title'
  | 'body'
  | 'repostOfId'
  | 'appId'
  | 'linkUrl'
  | 'imageUrl'
  | 'privacy'
  | 'moderation'
  | 'createdAt'
  | 'updatedAt'
>;

/** SQL of the post table for the posts module's services. */
@Injectable()
export class PostsRepository {
  constructor(private readonly em: EntityManager) {}

  /** Stores a new post now (its photos, moderation queue entry and audience refer to it). */
  async insert(fields: NewPost): Promise<Post> {
    const post = this.em.create(Post, fields);
    this.em.persist(post);
    await this.em.flush();
    return post;
  }

  find(postId: string): Promise<Post | null> {
    return this.em.findOne(Post, { id: postId });
  }

  /** Locks the author's post until the transaction ends; false when the author has no such post. */
  async lockOwned(postId: string, authorId: string): Promise<boolean> {
    const owned = await sqlRows(this.em, 'select 1 from post where id = ? and author_id = ? for update', [
      postId,
      authorId,
    ]);
    return owned.length > 0;
  }

  async delete(postId: string): Promise<void> {
    await sqlRun(this.em, 'delete from post where id = ?', [postId]);
  }

  /** Moves a post from one moderation state to another, if it is still in the first. */
  setModeration(
    postId: string,
    from: ModerationState,
    to: ModerationState,
    reason: string | null,
  ): Promise<boolean> {
    return compareAndSetModeration(this.em, 'post', postId, from, to, reason);
  }

  /** What moderation shows of the given posts. */
  subjects(ids: string[]): Promise<PostSubjectRow[]> {
    return sqlRows<PostSubjectRow>(
      this.em,
      `select id, author_id, kind, title, body, privacy, moderation, moderation_reason from post
        where id = any(?::uuid[])`,
      [uuidArray(ids)],
    );
  }

  // ── apps' stories ────────────────────────────────────────────────────────

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

  /** How many stories the app posted for the user since `since`. */
  async storiesSince(authorId: string, appId: string, since: Date): Promise<number> {
    const [row] = await sqlRows<{ count: number }>(
      this.em,
      `select count(*)::int as count from post
        where author_id = ? and app_id = ? and kind = 'story' and created_at >= ?`,
      [authorId, appId, since],
    );
    return row.count;
  }

  // ── reading ──────────────────────────────────────────────────────────────

  /**
   * Rows of the given posts as the viewer sees them, in no particular order. The repost count is
   * filtered by the privacy rule; the posts themselves are the caller's to check.
   */
  rows(viewerId: string | null, ids: string[]): Promise<PostRow[]> {
    const reposts = visibleCondition(viewerId, postColumns('r'));
    const comments = commentCountSql('post', 'p.id', viewerId);
    const liked = likedSql('post', 'p.id', viewerId);
    return sqlRows<PostRow>(
      this.em,
      `select p.id, p.author_id, p.kind, p.title, p.body, p.repost_of_id, p.app_id, p.link_url, p.image_url,
              p.privacy, p.created_at, p.updated_at,
              p.moderation, p.moderation_reason,
              ${likeCountSql('post', 'p.id')} as like_count,
              ${comments.sql} as comment_count,
              (select count(*) from post r where r.repost_of_id = p.id and ${reposts.sql})::int as repost_count,
              ${liked.sql} as liked,
              ${audienceGroupIds('p.id')} as group_ids
         from post p where p.id = any(?::uuid[])`,
      [...comments.params, ...reposts.params, ...liked.params, uuidArray(ids)],
    );
  }

  /** Of the given posts, the ids of those the viewer may see. */
  async visibleIds(viewerId: string | null, ids: string[]): Promise<string[]> {
    const visible = visibleCondition(viewerId, postColumns('p'));
    const rows = await sqlRows<{ id: string }>(
      this.em,
      `select p.id from post p where p.id = any(?::uuid[]) and ${visible.sql}`,
      [uuidArray(ids), ...visible.params],
    );
    return rows.map((row) => row.id);
  }

  /** One author's posts that the viewer may see, newest first; one more than `limit`. */
  listByAuthor(
    viewerId: string | null,
    author: { id: string; kind?: PostKind },
    limit: number,
    after: Keyset | undefined,
  ): Promise<{ id: string; created_at: Date }[]> {
    const { id: authorId, kind } = author;
    const visible = visibleCondition(viewerId, postColumns('p'));
    const keyset = keysetCondition('p', after);
    return sqlRows(
      this.em,
      `select p.id, p.created_at from post p
        where p.author_id = ? ${kind ? 'and p.kind = ?' : ''} and ${keyset.sql} and ${visible.sql}
        order by p.created_at desc, p.id desc limit ?`,
      [authorId, ...(kind ? [kind] : []), ...keyset.params, ...visible.params, limit + 1],
    );
  }

  /** How many of the author's posts the viewer may see. */
  async countByAuthor(viewerId: string | null, authorId: string): Promise<number> {
    const visible = visibleCondition(viewerId, postColumns('p'));
    const [row] = await sqlRows<{ count: number }>(
      this.em,
      `select count(*)::int as count from post p where p.author_id = ? and ${visible.sql}`,
      [authorId, ...visible.params],
    );
    return row.count;
  }
}
