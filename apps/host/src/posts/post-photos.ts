import { Injectable } from '@nestjs/common';
import { badRequest } from '../common/problem';

/** A photo a mood carries, as its post shows it. */
export interface PostPhoto {
  id: string;
  width: number;
  height: number;
  thumbUrl: string;
  webUrl: string;
  originalUrl: string;
}

/**
 * What the albums module does for posts: attach uploaded photos to a mood, show them, and remove
 * them with the mood. Albums registers it at start-up, so posts does not depend on albums.
 */
export interface PostPhotosHandler {
  /** Attaches the author's own unattached photos to the post, in the caller's transaction. */
  attach(authorId: string, postId: string, photoIds: string[]): Promise<void>;
  /** The photos of the given posts that the viewer may see (the posts' visibility is the caller's). */
  forPosts(viewerId: string | null, postIds: string[]): Promise<Map<string, PostPhoto[]>>;
  /** Deletes the post's photos in the caller's transaction; returns what to do after the commit. */
  removeForPost(postId: string): Promise<() => Promise<void>>;
}

/** The registry between posts and albums (like the moderation subjects registry). */
@Injectable()
export class PostPhotos {
  private handler: PostPhotosHandler | undefined;

  register(handler: PostPhotosHandler): void {
    if (this.handler) throw new Error('post photos registered twice');
    this.handler = handler;
  }

  async attach(authorId: string, postId: string, photoIds: readonly string[] | undefined): Promise<void> {
    if (!photoIds || photoIds.length === 0) return;
    if (!this.handler) throw badRequest('invalid_photo', 'Photos are not available on this host');
    await this.handler.attach(authorId, postId, [...new Set(photoIds.map((id) => id.toLowerCase()))]);
  }

  async forPosts(viewerId: string | null, postIds: string[]): Promise<Map<string, PostPhoto[]>> {
    if (!this.handler || postIds.length === 0) return new Map();
    return this.handler.forPosts(viewerId, postIds);
  }

  async removeForPost(postId: string): Promise<() => Promise<void>> {
    if (!this.handler) return async () => undefined;
    return this.handler.removeForPost(postId);
  }
}
