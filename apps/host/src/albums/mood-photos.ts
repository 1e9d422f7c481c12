import { Injectable, OnModuleInit } from '@nestjs/common';
import { badRequest } from '../common/problem';
import { PostPhotos, type PostPhoto } from '../posts/post-photos';
import { photoUrl, PhotoFiles } from './photo-files';
import { PhotosRepository } from './photos.repository';
import { StorageQuotaService } from './storage-quota.service';

/**
 * Photos on moods: the posts module shows and removes them through PostPhotos, which this registers
 * with, so posts need not know the photo table. An upload without an album waits here for its mood.
 */
@Injectable()
export class MoodPhotos implements OnModuleInit {
  constructor(
    private readonly photos: PhotosRepository,
    private readonly quota: StorageQuotaService,
    private readonly files: PhotoFiles,
    private readonly postPhotos: PostPhotos,
  ) {}

  onModuleInit(): void {
    this.postPhotos.register({
      attach: (authorId, postId, photoIds) => this.attachToPost(authorId, postId, photoIds),
      forPosts: (viewerId, postIds) => this.photosOfPosts(viewerId, postIds),
      removeForPost: (postId) => this.removeForPost(postId),
    });
  }

  private async attachToPost(authorId: string, postId: string, photoIds: string[]): Promise<void> {
    const attached = await this.photos.attachToPost(authorId, postId, photoIds);
    if (attached !== photoIds.length) {
      throw badRequest(
        'invalid_photo',
        'A mood carries only your own uploaded photos that are not yet on a mood or in an album',
      );
    }
  }

  private async photosOfPosts(viewerId: string | null, postIds: string[]): Promise<Map<string, PostPhoto[]>> {
    const rows = await this.photos.ofPosts(viewerId, postIds);
    const byPost = new Map<string, PostPhoto[]>();
    for (const row of rows) {
      const list = byPost.get(row.post_id) ?? [];
      list.push({
        id: row.id,
        width: row.width,
        height: row.height,
        thumbUrl: photoUrl(row.id, 'thumb'),
        webUrl: photoUrl(row.id, 'web'),
        originalUrl: photoUrl(row.id, 'original'),
      });
      byPost.set(row.post_id, list);
    }
    return byPost;
  }

  private async removeForPost(postId: string): Promise<() => Promise<void>> {
    const photos = await this.photos.ofPost(postId);
    if (photos.length === 0) return async () => undefined;
    const ownerId = photos[0].owner_id;
    await this.quota.lock(ownerId);
    await this.photos.deleteOfPost(postId);
    await this.quota.free(ownerId, photos);
    return () => this.files.delete(photos.map((photo) => photo.id));
  }
}
