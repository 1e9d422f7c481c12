import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { type Keyset, keysetCondition } from '../common/pagination';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import type { ModerationState } from '../moderation/moderation-state';
import type { PrivacyLevel } from '../common/privacy-level';
import { audienceGroupIds } from '../privacy/privacy.fragments';
import { moderatedCondition, type SqlFragment } from '../privacy/privacy.service';

export interface AlbumRow {
  id: string;
  owner_id: string;
  title: string;
  description: string;
  privacy: PrivacyLevel;
  cover_photo_id: string | null;
  shown_cover_id: string | null;
  photo_count: number;
  group_ids: string[];
  moderation: ModerationState;
  moderation_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

/** What the privacy rule needs of an album. */
export interface AlbumAudienceRow {
  id: string;
  owner_id: string;
  privacy: PrivacyLevel;
  moderation: ModerationState;
}

/** What an edit of an album starts from. */
export interface AlbumEditRow {
  title: string;
  description: string;
  privacy: PrivacyLevel;
  moderation: ModerationState;
}

export interface NewAlbum {
  id: string;
  ownerId: string;
  title: string;
  description: string;
  privacy: PrivacyLevel;
  moderation: ModerationState;
  createdAt: Date;
}

/** Column expressions of a listed album, for the privacy rule's list condition. */
export const albumColumns = (alias: string) => ({
  id: `${alias}.id`,
  authorId: `${alias}.owner_id`,
  level: `${alias}.privacy`,
  moderation: `${alias}.moderation`,
});

/** Column expressions of a listed photo, for the moderation part of the privacy rule. */
export const photoModeration = (alias: string) => ({
  authorId: `${alias}.owner_id`,
  moderation: `${alias}.moderation`,
});

/** SQL of the `album` table for AlbumsService (its text and moderation: ScreenedItemsRepository). */
@Injectable()
export class AlbumsRepository {
  constructor(private readonly em: EntityManager) {}

  async countOwned(ownerId: string): Promise<number> {
    const [{ count }] = await sqlRows<{ count: number }>(
      this.em,
      'select count(*)::int as count from album where owner_id = ?',
      [ownerId],
    );
    return count;
  }

  async insert(album: NewAlbum): Promise<void> {
    await sqlRun(
      this.em,
      `insert into album (id, owner_id, title, description, privacy, moderation, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        album.id,
        album.ownerId,
        album.title,
        album.description,
        album.privacy,
        album.moderation,
        album.createdAt,
        album.createdAt,
      ],
    );
  }

  /** The owner's album, its row locked until the transaction ends; null when the owner has no such album. */
  async lockOwned(ownerId: string, albumId: string): Promise<AlbumEditRow | null> {
    const [album] = await sqlRows<AlbumEditRow>(
      this.em,
      'select title, description, privacy, moderation from album where id = ? and owner_id = ? for update',
      [albumId, ownerId],
    );
    return album ?? null;
  }

  async isOwned(ownerId: string, albumId: string): Promise<boolean> {
    const rows = await sqlRows(this.em, 'select 1 from album where id = ? and owner_id = ?', [
      albumId,
      ownerId,
    ]);
    return rows.length > 0;
  }

  async setPrivacy(albumId: string, level: PrivacyLevel): Promise<void> {
    await sqlRun(this.em, 'update album set privacy = ? where id = ?', [level, albumId]);
  }

  async setCover(albumId: string, photoId: string | null): Promise<void> {
    await sqlRun(this.em, 'update album set cover_photo_id = ? where id = ?', [photoId, albumId]);
  }

  async touch(albumId: string, now: Date): Promise<void> {
    await sqlRun(this.em, 'update album set updated_at = ? where id = ?', [now, albumId]);
  }

  /** Deletes the album row (its photos must be gone first, and its cover cleared before them). */
  async delete(albumId: string): Promise<void> {
    await sqlRun(this.em, 'delete from album where id = ?', [albumId]);
  }

  async audience(albumId: string): Promise<AlbumAudienceRow | null> {
    const [row] = await sqlRows<AlbumAudienceRow>(
      this.em,
      'select id, owner_id, privacy, moderation from album where id = ?',
      [albumId],
    );
    return row ?? null;
  }

  /**
   * Rows of the albums with these ids, counting and showing as cover only the photos the viewer may see,
   * in no particular order.
   */
  rows(viewerId: string | null, ids: string[]): Promise<AlbumRow[]> {
    const photos = moderatedCondition(viewerId, photoModeration('ph'));
    const covers = moderatedCondition(viewerId, photoModeration('cv'));
    return sqlRows<AlbumRow>(
      this.em,
      `select a.id, a.owner_id, a.title, a.description, a.privacy, a.cover_photo_id, a.moderation,
              a.moderation_reason, a.created_at, a.updated_at,
              (select count(*) from photo ph where ph.album_id = a.id and ${photos.sql})::int as photo_count,
              (select cv.id from photo cv where cv.album_id = a.id and ${covers.sql}
                order by (cv.id = a.cover_photo_id) desc, cv.created_at desc, cv.id desc limit 1) as shown_cover_id,
              ${audienceGroupIds('a.id')} as group_ids
         from album a where a.id = any(?::uuid[])`,
      [...photos.params, ...covers.params, uuidArray(ids)],
    );
  }

  /** The owner's albums that pass `visible` (on alias `a`), newest first; one more than `limit`. */
  listOwned(
    ownerId: string,
    visible: SqlFragment,
    limit: number,
    after: Keyset | undefined,
  ): Promise<{ id: string; created_at: Date }[]> {
    const keyset = keysetCondition('a', after);
    return sqlRows(
      this.em,
      `select a.id, a.created_at from album a
        where a.owner_id = ? and ${keyset.sql} and ${visible.sql}
        order by a.created_at desc, a.id desc limit ?`,
      [ownerId, ...keyset.params, ...visible.params, limit + 1],
    );
  }
}
