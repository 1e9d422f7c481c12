import { Injectable } from '@nestjs/common';
import { iso } from '../common/time';
import { moderationStatus } from '../moderation/moderation-state';
import type { CommentRow } from '../posts/interactions.service';
import { commentFields } from '../posts/post-views.service';
import { UserDirectoryService } from '../profiles/user-directory.service';
import type { AlbumRow } from './albums.repository';
import { photoUrl } from './photo-files';
import type { PhotoRow } from './photos.repository';
import type { AlbumResponse, PhotoCommentResponse, PhotoResponse } from './dto/albums.dto';

/** Turns album, photo and photo-comment rows into what clients see. */
@Injectable()
export class AlbumViewsService {
  constructor(private readonly directory: UserDirectoryService) {}

  async albums(viewerId: string | null, rows: AlbumRow[]): Promise<AlbumResponse[]> {
    const people = await this.directory.summaries(rows.map((row) => row.owner_id));
    return rows.map((row) => ({
      id: row.id,
      owner: people.get(row.owner_id)!,
      title: row.title,
      description: row.description,
      privacy: row.privacy,
      ...(viewerId === row.owner_id && row.privacy === 'groups' ? { groupIds: row.group_ids } : {}),
      coverPhotoId: row.cover_photo_id,
      coverUrl: row.shown_cover_id ? photoUrl(row.shown_cover_id, 'thumb') : null,
      photoCount: row.photo_count,
      ...(viewerId === row.owner_id ? moderationStatus(row) : {}),
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    }));
  }

  photos(viewerId: string | null, rows: PhotoRow[]): PhotoResponse[] {
    return rows.map((row) => ({
      id: row.id,
      ownerId: row.owner_id,
      albumId: row.album_id,
      postId: row.post_id,
      title: row.title,
      description: row.description,
      format: row.format,
      width: row.width,
      height: row.height,
      bytes: Number(row.bytes),
      thumbUrl: photoUrl(row.id, 'thumb'),
      webUrl: photoUrl(row.id, 'web'),
      originalUrl: photoUrl(row.id, 'original'),
      likeCount: row.like_count,
      commentCount: row.comment_count,
      likedByMe: row.liked,
      ...(viewerId === row.owner_id ? moderationStatus(row) : {}),
      createdAt: iso(row.created_at),
    }));
  }

  async comments(rows: CommentRow[]): Promise<PhotoCommentResponse[]> {
    const people = await this.directory.summaries(rows.map((row) => row.author_id));
    return rows.map((row) => ({ ...commentFields(row, people), photoId: row.photo_id! }));
  }
}
