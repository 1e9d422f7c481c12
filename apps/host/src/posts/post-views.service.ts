import { Injectable } from '@nestjs/common';
import { AppsService } from '../apps/apps.service';
import type { PostApp } from '../common/post-app.dto';
import { iso } from '../common/time';
import { moderationStatus } from '../moderation/moderation-state';
import { UserDirectoryService, type UserSummary } from '../profiles/user-directory.service';
import type { CommentResponse, PostResponse } from './dto/posts.dto';
import { PostPhotos } from './post-photos';
import type { PostRow } from './posts.repository';
import { CommentRow, PostsService } from './posts.service';

/** Turns post and comment rows into what clients see, with people and reposted originals filled in. */
@Injectable()
export class PostViewsService {
  constructor(
    private readonly postsService: PostsService,
    private readonly directory: UserDirectoryService,
    private readonly postPhotos: PostPhotos,
    private readonly apps: AppsService,
  ) {}

  /** The given posts as the viewer sees them, in order. Only pass ids the viewer may see. */
  async many(viewerId: string | null, ids: string[]): Promise<PostResponse[]> {
    return (await this.manyWithPeople(viewerId, ids, [])).posts;
  }

  /**
   * Like `many`, also returning the summaries of `otherUserIds` (and of the authors), so a list that
   * shows more people than authors looks everyone up at once.
   */
  async manyWithPeople(
    viewerId: string | null,
    ids: string[],
    otherUserIds: string[],
  ): Promise<{ posts: PostResponse[]; people: Map<string, UserSummary>; changeTags: string[] }> {
    const rows = await this.postsService.rows(viewerId, ids);
    const originalIds = [...new Set(rows.flatMap((row) => (row.repost_of_id ? [row.repost_of_id] : [])))];
    // Originals, photos, people and apps do not depend on one another: fetch them side by side.
    const [originals, photos, people, apps] = await Promise.all([
      this.originals(viewerId, originalIds),
      this.postPhotos.forPosts(
        viewerId,
        rows.map((row) => row.id),
      ),
      this.directory.summaries([...otherUserIds, ...rows.map((row) => row.author_id)]),
      this.storyApps(rows),
    ]);
    const missingAuthors = [...originals.values()]
      .map((row) => row.author_id)
      .filter((authorId) => !people.has(authorId));
    const missingApps = [...originals.values()].filter((row) => row.app_id && !apps.has(row.app_id));
    const [moreAuthors, moreApps] = await Promise.all([
      this.directory.summaries(missingAuthors),
      this.storyApps(missingApps),
    ]);
    for (const [id, summary] of moreAuthors) people.set(id, summary);
    for (const [id, app] of moreApps) apps.set(id, app);
    const posts = rows.map((row) => {
      const original = row.repost_of_id ? originals.get(row.repost_of_id) : undefined;
      return {
        ...this.core(row, people, apps),
        privacy: row.privacy,
        ...(viewerId === row.author_id && row.privacy === 'groups' ? { groupIds: row.group_ids } : {}),
        ...(viewerId === row.author_id ? moderationStatus(row) : {}),
        original: original ? this.core(original, people, apps) : null,
        originalUnavailable: row.kind === 'repost' && !original,
        likeCount: row.like_count,
        commentCount: row.comment_count,
        repostCount: row.repost_count,
        likedByMe: row.liked,
        photos: photos.get(row.id) ?? [],
        updatedAt: iso(row.updated_at),
      };
    });
    // What the database announces when any of this changes (database/change-feed.ts): the posts and the
    // originals they repost (with their likes, comments, photos and reposts), the people, the apps.
    const changeTags = [
      ...rows.flatMap((row) => [`post:${row.id}`, ...(row.repost_of_id ? [`post:${row.repost_of_id}`] : [])]),
      ...[...people.keys()].map((id) => `user:${id}`),
      ...[...apps.keys()].map((id) => `app:${id}`),
    ];
    return { posts, people, changeTags };
  }

  /** The reposted originals the viewer may see, by id. */
  private async originals(viewerId: string | null, ids: string[]): Promise<Map<string, PostRow>> {
    const visible = await this.postsService.visibleIds(viewerId, ids);
    const rows = await this.postsService.rows(viewerId, [...visible]);
    return new Map(rows.map((row) => [row.id, row] as const));
  }

  async post(viewerId: string | null, id: string): Promise<PostResponse> {
    const [view] = await this.many(viewerId, [id]);
    return view;
  }

  /** The apps that posted the stories among the rows; no query when there are none. */
  private async storyApps(rows: PostRow[]): Promise<Map<string, PostApp>> {
    return this.apps.labels(rows.flatMap((row) => (row.app_id ? [row.app_id] : [])));
  }

  private core(row: PostRow, people: Map<string, UserSummary>, apps: Map<string, PostApp>) {
    return {
      id: row.id,
      kind: row.kind,
      author: people.get(row.author_id)!,
      title: row.title,
      body: row.body,
      app: row.app_id ? (apps.get(row.app_id) ?? null) : null,
      linkUrl: row.link_url,
      imageUrl: row.image_url,
      createdAt: iso(row.created_at),
    };
  }

  async comments(rows: CommentRow[]): Promise<CommentResponse[]> {
    const people = await this.directory.summaries(rows.map((row) => row.author_id));
    return rows.map((row) => this.comment(row, people));
  }

  comment(row: CommentRow, people: Map<string, UserSummary>): CommentResponse {
    return { ...commentFields(row, people), postId: row.post_id! };
  }
}

/** A comment as clients see it, whatever it is on (a post or a photo adds its own id). */
export function commentFields(row: CommentRow, people: Map<string, UserSummary>) {
  return {
    id: row.id,
    author: people.get(row.author_id)!,
    parentId: row.parent_id,
    body: row.body,
    createdAt: iso(row.created_at),
    // Only the author is ever given a comment that is not published (the queries see to that).
    ...moderationStatus(row),
  };
}
