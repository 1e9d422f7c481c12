import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { type Keyset, keysetCondition } from '../common/pagination';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import type { ModerationState } from '../moderation/moderation-state';
import { commentCountSql, likeCountSql, likedSql } from '../posts/posts.fragments';
import { moderatedCondition } from '../privacy/privacy.service';
import { photoModeration } from './albums.repository';
import type { PhotoFormat } from '../images/image-processing';

export interface PhotoRow {
  id: string;
  owner_id: string;
  album_id: string | null;
  post_id: string | null;
  title: string;
  description: string;
  format: PhotoFormat;
  width: number;
  height: number;
  bytes: string | number;
  moderation: ModerationState;
  moderation_reason: string | null;
  created_at: Date;
  like_count: number;
  comment_count: number;
  liked: boolean;
}

/** Where a photo lives (an album, a mood, or neither yet), for the privacy rule. */
export interface PhotoPlaceRow {
  id: string;
  owner_id: string;
  album_id: string | null;
  post_id: string | null;
  moderation: ModerationState;
}

/** What an edit of a photo's text starts from. */
export interface PhotoTextRow {
  title: string;
  description: string;
  moderation: ModerationState;
}

export interface NewPhoto {
  id: string;
  ownerId: string;
  albumId: string | null;
  title: string;
  description: string;
  format: PhotoFormat;
  width: number;
  height: number;
  bytes: number;
  moderation: ModerationState;
  createdAt: Date;
}

/** A photo's file size, to give its owner's quota back. */
export interface PhotoBytesRow {
  id: string;
  owner_id: string;
  bytes: string;
}

/** SQL of the `photo` table for the photo services. */
@Injectable()
export class PhotosRepository {
  constructor(private readonly em: EntityManager) {}

  async countInAlbum(albumId: string): Promise<number> {
    const [{ count }] = await sqlRows<{ count: number }>(
      this.em,
      'select count(*)::int as count from photo where album_id = ?',
      [albumId],
    );
    return count;
  }

  async isInAlbum(photoId: string, albumId: string): Promise<boolean> {
    const rows = await sqlRows(this.em, 'select 1 from photo where id = ? and album_id = ?', [
      photoId,
      albumId,
    ]);
    return rows.length > 0;
  }

  async insert(photo: NewPhoto): Promise<void> {
    await sqlRun(
      this.em,
      `insert into photo (id, owner_id, album_id, title, description, format, width, height, bytes,
                          moderation, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        photo.id,
        photo.ownerId,
        photo.albumId,
        photo.title,
        photo.description,
        photo.format,
        photo.width,
        photo.height,
        photo.bytes,
        photo.moderation,
        photo.createdAt,
      ],
    );
  }

  /** The owner's photo, its row locked until the transaction ends; null when the owner has no such photo. */
  async lockOwnedText(ownerId: string, photoId: string): Promise<PhotoTextRow | null> {
    const [photo] = await sqlRows<PhotoTextRow>(
      this.em,
      'select title, description, moderation from photo where id = ? and owner_id = ? for update',
      [photoId, ownerId],
    );
    return photo ?? null;
  }

  /** The size of the owner's photo; null when the owner has no such photo. */
  async ownedBytes(ownerId: string, photoId: string): Promise<number | null> {
    const [photo] = await sqlRows<{ bytes: string }>(
      this.em,
      'select bytes from photo where id = ? and owner_id = ?',
      [photoId, ownerId],
    );
    return photo ? Number(photo.bytes) : null;
  }

  async delete(photoId: string): Promise<void> {
    await sqlRun(this.em, 'delete from photo where id = ?', [photoId]);
  }

  inAlbum(albumId: string): Promise<PhotoBytesRow[]> {
    return sqlRows<PhotoBytesRow>(this.em, 'select id, owner_id, bytes from photo where album_id = ?', [
      albumId,
    ]);
  }

  async deleteInAlbum(albumId: string): Promise<void> {
    await sqlRun(this.em, 'delete from photo where album_id = ?', [albumId]);
  }

  async place(photoId: string): Promise<PhotoPlaceRow | null> {
    const [photo] = await sqlRows<PhotoPlaceRow>(
      this.em,
      'select id, owner_id, album_id, post_id, moderation from photo where id = ?',
      [photoId],
    );
    return photo ?? null;
  }

  async format(photoId: string): Promise<PhotoFormat | null> {
    const [row] = await sqlRows<{ format: PhotoFormat }>(this.em, 'select format from photo where id = ?', [
      photoId,
    ]);
    return row?.format ?? null;
  }

  /** Rows of the photos with these ids as the viewer sees them (likes, visible comments), in no order. */
  rows(viewerId: string | null, ids: string[]): Promise<PhotoRow[]> {
    const comments = commentCountSql('photo', 'p.id', viewerId);
    const liked = likedSql('photo', 'p.id', viewerId);
    return sqlRows<PhotoRow>(
      this.em,
      `select p.id, p.owner_id, p.album_id, p.post_id, p.title, p.description, p.format, p.width, p.height,
              p.bytes, p.moderation, p.moderation_reason, p.created_at,
              ${likeCountSql('photo', 'p.id')} as like_count,
              ${comments.sql} as comment_count,
              ${liked.sql} as liked
         from photo p where p.id = any(?::uuid[])`,
      [...comments.params, ...liked.params, uuidArray(ids)],
    );
  }

  /** The ids of the album's photos the viewer may see, newest first; one more than `limit`. */
  async listInAlbum(
    viewerId: string | null,
    albumId: string,
    limit: number,
    after: Keyset | undefined,
  ): Promise<string[]> {
    const visible = moderatedCondition(viewerId, photoModeration('p'));
    const keyset = keysetCondition('p', after);
    const rows = await sqlRows<{ id: string }>(
      this.em,
      `select p.id from photo p where p.album_id = ? and ${keyset.sql} and ${visible.sql}
        order by p.created_at desc, p.id desc limit ?`,
      [albumId, ...keyset.params, ...visible.params, limit + 1],
    );
    return rows.map((row) => row.id);
  }

  // ── photos on moods ──────────────────────────────────────────────────────

  /**
   * Puts the author's photos on a mood: only their own uploads that are in no album and on no mood yet.
   * Returns how many it put there.
   */
  attachToPost(authorId: string, postId: string, photoIds: string[]): Promise<number> {
    return sqlRun(
      this.em,
      `update photo set post_id = ?
        where id = any(?::uuid[]) and owner_id = ? and album_id is null and post_id is null`,
      [postId, uuidArray(photoIds), authorId],
    );
  }

  /** The photos of these moods the viewer may see, oldest first. */
  ofPosts(
    viewerId: string | null,
    postIds: string[],
  ): Promise<{ id: string; post_id: string; width: number; height: number }[]> {
    const visible = moderatedCondition(viewerId, photoModeration('p'));
    return sqlRows<{ id: string; post_id: string; width: number; height: number }>(
      this.em,
      `select p.id, p.post_id, p.width, p.height from photo p
        where p.post_id = any(?::uuid[]) and ${visible.sql} order by p.created_at, p.id`,
      [uuidArray(postIds), ...visible.params],
    );
  }

  ofPost(postId: string): Promise<PhotoBytesRow[]> {
    return sqlRows<PhotoBytesRow>(this.em, 'select id, owner_id, bytes from photo where post_id = ?', [
      postId,
    ]);
  }

  async deleteOfPost(postId: string): Promise<void> {
    await sqlRun(this.em, 'delete from photo where post_id = ?', [postId]);
  }
}
