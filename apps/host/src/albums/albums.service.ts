import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import { Keyset, keysetCondition } from '../common/pagination';
import { badRequest, conflict, notFound, ProblemException } from '../common/problem';
import { nonBlank, sizeText } from '../common/text';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import { EconomyService } from '../economy/economy.service';
import type { ModerationState } from '../moderation/moderation-state';
import { ModerationService } from '../moderation/moderation.service';
import { InteractionsService, likeCountSql, type Commentable } from '../posts/interactions.service';
import { PostPhotos, type PostPhoto } from '../posts/post-photos';
import { PostsService } from '../posts/posts.service';
import type { PrivacyLevel } from '../privacy/privacy-level';
import { type Audience, moderatedCondition, PrivacyService } from '../privacy/privacy.service';
import {
  CONTENT_TYPES,
  PHOTO_SIZES,
  type PhotoFormat,
  type PhotoSize,
  processImage,
} from './image-processing';
import { PhotoStorage } from './photo-storage';

export interface AlbumInput {
  title: string;
  description?: string;
  privacy: PrivacyLevel;
  groupIds?: string[];
}

export interface AlbumEdit {
  title?: string;
  description?: string;
  privacy?: PrivacyLevel;
  groupIds?: string[];
  coverPhotoId?: string | null;
}

export interface PhotoText {
  title?: string;
  description?: string;
}

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

/** A photo's file as served: the bytes, their type, and whether anyone at all may see it. */
export interface PhotoFile {
  data: Buffer;
  contentType: string;
  isPublic: boolean;
}

const albumColumns = (alias: string) => ({
  id: `${alias}.id`,
  authorId: `${alias}.owner_id`,
  level: `${alias}.privacy`,
  moderation: `${alias}.moderation`,
});

const photoModeration = (alias: string) => ({
  authorId: `${alias}.owner_id`,
  moderation: `${alias}.moderation`,
});

const commentModeration = (alias: string) => ({
  authorId: `${alias}.author_id`,
  moderation: `${alias}.moderation`,
});

const storageKey = (photoId: string, size: PhotoSize) => `${photoId}/${size}`;

export const photoUrl = (photoId: string, size: PhotoSize) => `/photos/${photoId}/file?size=${size}`;

const quotaExceeded = (quota: number) =>
  new ProblemException(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'quota_exceeded',
    `This upload would exceed your storage quota of ${sizeText(quota)}; delete photos or become a VIP for more`,
  );

/** Screened text of an album or photo: its title and description, the empty parts left out. */
const screenedText = (title: string, description: string) =>
  [title, description].map((part) => part.trim()).filter((part) => part.length > 0);

/**
 * Albums, photos and their files. Visibility is the privacy rule's: an album photo has its album's
 * audience, a mood photo its mood's, an unattached upload only its owner's; a photo's own
 * moderation state (its title and description are screened) applies on top.
 */
@Injectable()
export class AlbumsService implements OnModuleInit {
  private readonly logger = new Logger('albums');

  constructor(
    private readonly em: EntityManager,
    private readonly accounts: AccountsService,
    private readonly privacy: PrivacyService,
    private readonly moderation: ModerationService,
    private readonly economy: EconomyService,
    private readonly posts: PostsService,
    private readonly interactions: InteractionsService,
    private readonly postPhotos: PostPhotos,
    private readonly storage: PhotoStorage,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.interactions.register({ type: 'photo', label: 'Photo', find: (id) => this.commentable(id) });
    this.postPhotos.register({
      attach: (authorId, postId, photoIds) => this.attachToPost(authorId, postId, photoIds),
      forPosts: (viewerId, postIds) => this.photosOfPosts(viewerId, postIds),
      removeForPost: (postId) => this.removeForPost(postId),
    });
  }

  // ── albums ───────────────────────────────────────────────────────────────

  async createAlbum(ownerId: string, input: AlbumInput): Promise<string> {
    const title = nonBlank(input.title, 'title');
    const description = (input.description ?? '').trim();
    const verdict = await this.moderation.screen(screenedText(title, description));
    return this.em.transactional(async () => {
      // The usage row serializes a user's album and photo changes, so limits hold under races.
      await this.lockUsage(ownerId);
      const [{ count }] = await sqlRows<{ count: number }>(
        this.em,
        'select count(*)::int as count from album where owner_id = ?',
        [ownerId],
      );
      if (count >= LIMITS.albumsPerUser) {
        throw conflict('limit_reached', `You can have at most ${LIMITS.albumsPerUser} albums`);
      }
      const id = newId();
      const now = this.clock.now();
      await sqlRun(
        this.em,
        `insert into album (id, owner_id, title, description, privacy, moderation, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, ownerId, title, description, input.privacy, this.moderation.stateAfter(verdict), now, now],
      );
      await this.privacy.setAudience({ id, authorId: ownerId, level: input.privacy }, input.groupIds);
      await this.moderation.enqueue({ type: 'album', id, authorId: ownerId }, verdict);
      return id;
    });
  }

  async updateAlbum(ownerId: string, albumId: string, edit: AlbumEdit): Promise<void> {
    await this.em.transactional(async () => {
      const [album] = await sqlRows<{
        title: string;
        description: string;
        privacy: PrivacyLevel;
        moderation: ModerationState;
      }>(
        this.em,
        'select title, description, privacy, moderation from album where id = ? and owner_id = ? for update',
        [albumId, ownerId],
      );
      if (!album) throw notFound('Album');
      if (edit.title !== undefined || edit.description !== undefined) {
        const title = edit.title !== undefined ? nonBlank(edit.title, 'title') : album.title;
        const description = edit.description !== undefined ? edit.description.trim() : album.description;
        const verdict = await this.moderation.screen(screenedText(title, description));
        // An edit that trips a hold rule takes the album back under review; it never publishes one.
        const held = verdict.action === 'hold' && album.moderation === 'published';
        await sqlRun(
          this.em,
          `update album set title = ?, description = ?, moderation = ?,
                  moderation_reason = case when ? then null else moderation_reason end where id = ?`,
          [title, description, held ? 'held' : album.moderation, held, albumId],
        );
        await this.moderation.enqueue({ type: 'album', id: albumId, authorId: ownerId }, verdict);
      }
      if (edit.privacy !== undefined || edit.groupIds !== undefined) {
        const level = edit.privacy ?? album.privacy;
        const groupIds =
          edit.groupIds ?? (level === 'groups' ? await this.privacy.audienceGroups(albumId) : undefined);
        await this.privacy.setAudience({ id: albumId, authorId: ownerId, level }, groupIds);
        await sqlRun(this.em, 'update album set privacy = ? where id = ?', [level, albumId]);
      }
      if (edit.coverPhotoId !== undefined) {
        if (edit.coverPhotoId !== null) {
          const inAlbum = await sqlRows(this.em, 'select 1 from photo where id = ? and album_id = ?', [
            edit.coverPhotoId.toLowerCase(),
            albumId,
          ]);
          if (inAlbum.length === 0)
            throw badRequest('invalid_photo', 'The cover must be a photo of this album');
        }
        await sqlRun(this.em, 'update album set cover_photo_id = ? where id = ?', [
          edit.coverPhotoId?.toLowerCase() ?? null,
          albumId,
        ]);
      }
      await sqlRun(this.em, 'update album set updated_at = ? where id = ?', [this.clock.now(), albumId]);
    });
  }

  /** Deletes the album with its photos, frees their quota, then deletes their files. */
  async deleteAlbum(ownerId: string, albumId: string): Promise<void> {
    const photoIds = await this.em.transactional(async () => {
      await this.lockUsage(ownerId);
      const owned = await sqlRows(this.em, 'select 1 from album where id = ? and owner_id = ?', [
        albumId,
        ownerId,
      ]);
      if (owned.length === 0) throw notFound('Album');
      const photos = await sqlRows<{ id: string; bytes: string }>(
        this.em,
        'select id, bytes from photo where album_id = ?',
        [albumId],
      );
      await sqlRun(this.em, 'update album set cover_photo_id = null where id = ?', [albumId]);
      await sqlRun(this.em, 'delete from photo where album_id = ?', [albumId]);
      await sqlRun(this.em, 'delete from album where id = ?', [albumId]);
      await this.privacy.clearAudience(albumId);
      await this.addUsage(ownerId, -photos.reduce((sum, photo) => sum + Number(photo.bytes), 0));
      return photos.map((photo) => photo.id);
    });
    await this.deleteFiles(photoIds);
  }

  private async albumAudience(albumId: string): Promise<Audience | null> {
    const [row] = await sqlRows<{
      id: string;
      owner_id: string;
      privacy: PrivacyLevel;
      moderation: ModerationState;
    }>(this.em, 'select id, owner_id, privacy, moderation from album where id = ?', [albumId]);
    return row
      ? { id: row.id, authorId: row.owner_id, level: row.privacy, moderation: row.moderation }
      : null;
  }

  /** Whether the viewer may see the album (the privacy rule for one item). */
  async albumVisible(viewerId: string | null, albumId: string): Promise<boolean> {
    const audience = await this.albumAudience(albumId);
    return audience !== null && (await this.privacy.canView(viewerId, audience));
  }

  async album(viewerId: string | null, albumId: string): Promise<AlbumRow> {
    if (!(await this.albumVisible(viewerId, albumId))) throw notFound('Album');
    const [row] = await this.albumRows(viewerId, [albumId]);
    return row;
  }

  /** Rows of albums the viewer may see (callers pass only such ids), in the order of `ids`. */
  async albumRows(viewerId: string | null, ids: string[]): Promise<AlbumRow[]> {
    if (ids.length === 0) return [];
    const photos = moderatedCondition(viewerId, photoModeration('ph'));
    const covers = moderatedCondition(viewerId, photoModeration('cv'));
    const rows = await sqlRows<AlbumRow>(
      this.em,
      `select a.id, a.owner_id, a.title, a.description, a.privacy, a.cover_photo_id, a.moderation,
              a.moderation_reason, a.created_at, a.updated_at,
              (select count(*) from photo ph where ph.album_id = a.id and ${photos.sql})::int as photo_count,
              (select cv.id from photo cv where cv.album_id = a.id and ${covers.sql}
                order by (cv.id = a.cover_photo_id) desc, cv.created_at desc, cv.id desc limit 1) as shown_cover_id,
              array(select ag.group_id::text from audience_group ag where ag.subject_id = a.id order by 1) as group_ids
         from album a where a.id = any(?::uuid[])`,
      [...photos.params, ...covers.params, uuidArray(ids)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** One user's albums that the viewer may see, newest first. */
  async listAlbums(
    viewerId: string | null,
    ownerId: string,
    limit: number,
    after: Keyset | undefined,
  ): Promise<{ id: string; created_at: Date }[]> {
    await this.accounts.presentTo(viewerId, ownerId);
    const visible = this.privacy.visibleCondition(viewerId, albumColumns('a'));
    const keyset = keysetCondition('a', after);
    return sqlRows(
      this.em,
      `select a.id, a.created_at from album a
        where a.owner_id = ? and ${keyset.sql} and ${visible.sql}
        order by a.created_at desc, a.id desc limit ?`,
      [ownerId, ...keyset.params, ...visible.params, limit + 1],
    );
  }

  /** The photos of an album the viewer may see, newest first. */
  async listPhotos(
    viewerId: string | null,
    albumId: string,
    limit: number,
    after: Keyset | undefined,
  ): Promise<PhotoRow[]> {
    if (!(await this.albumVisible(viewerId, albumId))) throw notFound('Album');
    const visible = moderatedCondition(viewerId, photoModeration('p'));
    const keyset = keysetCondition('p', after);
    const rows = await sqlRows<{ id: string }>(
      this.em,
      `select p.id from photo p where p.album_id = ? and ${keyset.sql} and ${visible.sql}
        order by p.created_at desc, p.id desc limit ?`,
      [albumId, ...keyset.params, ...visible.params, limit + 1],
    );
    return this.photoRows(
      viewerId,
      rows.map((row) => row.id),
    );
  }

  // ── photos ───────────────────────────────────────────────────────────────

  /**
   * Stores an uploaded image: into an album of the owner's, or (without an album) for a mood.
   * The files are written first and the row second, so a crash between leaves at worst an orphan
   * file, never a row without files; any refusal after the files are written deletes them.
   */
  async upload(ownerId: string, albumId: string | null, file: Buffer, text: PhotoText): Promise<string> {
    if (albumId !== null && !(await this.ownsAlbum(ownerId, albumId))) throw notFound('Album');
    const title = (text.title ?? '').trim();
    const description = (text.description ?? '').trim();
    const verdict = await this.moderation.screen(screenedText(title, description));
    const image = await processImage(file);
    const quota = await this.economy.storageQuotaBytes(ownerId);
    // A cheap early refusal; the check that counts is repeated under the lock below.
    if ((await this.usedBytes(ownerId)) + image.bytes > quota) throw quotaExceeded(quota);
    const id = newId();
    try {
      await Promise.all(PHOTO_SIZES.map((size) => this.storage.put(storageKey(id, size), image.files[size])));
      await this.em.transactional(async () => {
        const used = await this.lockUsage(ownerId);
        if (used + image.bytes > quota) throw quotaExceeded(quota);
        if (albumId !== null) {
          if (!(await this.ownsAlbum(ownerId, albumId))) throw notFound('Album');
          const [{ count }] = await sqlRows<{ count: number }>(
            this.em,
            'select count(*)::int as count from photo where album_id = ?',
            [albumId],
          );
          if (count >= LIMITS.photosPerAlbum) {
            throw conflict('limit_reached', `An album holds at most ${LIMITS.photosPerAlbum} photos`);
          }
        }
        await sqlRun(
          this.em,
          `insert into photo (id, owner_id, album_id, title, description, format, width, height, bytes,
                              moderation, created_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            id,
            ownerId,
            albumId,
            title,
            description,
            image.format,
            image.width,
            image.height,
            image.bytes,
            this.moderation.stateAfter(verdict),
            this.clock.now(),
          ],
        );
        await this.addUsage(ownerId, image.bytes);
        await this.moderation.enqueue({ type: 'photo', id, authorId: ownerId }, verdict);
      });
    } catch (error) {
      await this.deleteFiles([id]);
      throw error;
    }
    return id;
  }

  async updatePhoto(ownerId: string, photoId: string, edit: PhotoText): Promise<void> {
    await this.em.transactional(async () => {
      const [photo] = await sqlRows<{ title: string; description: string; moderation: ModerationState }>(
        this.em,
        'select title, description, moderation from photo where id = ? and owner_id = ? for update',
        [photoId, ownerId],
      );
      if (!photo) throw notFound('Photo');
      const title = edit.title !== undefined ? edit.title.trim() : photo.title;
      const description = edit.description !== undefined ? edit.description.trim() : photo.description;
      const verdict = await this.moderation.screen(screenedText(title, description));
      const held = verdict.action === 'hold' && photo.moderation === 'published';
      await sqlRun(
        this.em,
        `update photo set title = ?, description = ?, moderation = ?,
                moderation_reason = case when ? then null else moderation_reason end where id = ?`,
        [title, description, held ? 'held' : photo.moderation, held, photoId],
      );
      await this.moderation.enqueue({ type: 'photo', id: photoId, authorId: ownerId }, verdict);
    });
  }

  /** Deletes the photo, frees its quota, then deletes its files. */
  async deletePhoto(ownerId: string, photoId: string): Promise<void> {
    await this.em.transactional(async () => {
      await this.lockUsage(ownerId);
      const [photo] = await sqlRows<{ bytes: string }>(
        this.em,
        'select bytes from photo where id = ? and owner_id = ?',
        [photoId, ownerId],
      );
      if (!photo) throw notFound('Photo');
      await sqlRun(this.em, 'delete from photo where id = ?', [photoId]);
      await this.addUsage(ownerId, -Number(photo.bytes));
    });
    await this.deleteFiles([photoId]);
  }

  /**
   * A photo's audience under the privacy rule: its album's, its mood's, or (not yet attached) its
   * owner's alone; a photo that is not itself published is its owner's alone too.
   */
  private async photoAudience(photoId: string): Promise<Audience | null> {
    const [photo] = await sqlRows<{
      id: string;
      owner_id: string;
      album_id: string | null;
      post_id: string | null;
      moderation: ModerationState;
    }>(this.em, 'select id, owner_id, album_id, post_id, moderation from photo where id = ?', [photoId]);
    if (!photo) return null;
    const container =
      (photo.album_id ? await this.albumAudience(photo.album_id) : null) ??
      (photo.post_id ? await this.posts.audience(photo.post_id) : null) ??
      ({ id: photo.id, authorId: photo.owner_id, level: 'private', moderation: 'published' } as Audience);
    return {
      id: container.id,
      level: container.level,
      authorId: photo.owner_id,
      moderation: photo.moderation === 'published' ? container.moderation : photo.moderation,
    };
  }

  private async commentable(photoId: string): Promise<Commentable | null> {
    const audience = await this.photoAudience(photoId);
    return audience ? { id: photoId, authorId: audience.authorId, audience } : null;
  }

  async photo(viewerId: string | null, photoId: string): Promise<PhotoRow> {
    await this.interactions.visible('photo', viewerId, photoId);
    const [row] = await this.photoRows(viewerId, [photoId]);
    return row;
  }

  /** Rows of photos the viewer may see (callers pass only such ids), in the order of `ids`. */
  async photoRows(viewerId: string | null, ids: string[]): Promise<PhotoRow[]> {
    if (ids.length === 0) return [];
    const comments = moderatedCondition(viewerId, commentModeration('c'));
    const rows = await sqlRows<PhotoRow>(
      this.em,
      `select p.id, p.owner_id, p.album_id, p.post_id, p.title, p.description, p.format, p.width, p.height,
              p.bytes, p.moderation, p.moderation_reason, p.created_at,
              ${likeCountSql('photo', 'p.id')} as like_count,
              (select count(*) from comment c where c.photo_id = p.id and ${comments.sql})::int as comment_count,
              exists (select 1 from photo_like l where l.photo_id = p.id and l.user_id = ?) as liked
         from photo p where p.id = any(?::uuid[])`,
      [...comments.params, viewerId, uuidArray(ids)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** A file of a photo the viewer may see; 404 otherwise, exactly as if it did not exist. */
  async file(viewerId: string | null, photoId: string, size: PhotoSize): Promise<PhotoFile> {
    const audience = await this.photoAudience(photoId);
    if (!audience || !(await this.privacy.canView(viewerId, audience))) throw notFound('Photo');
    const file = await this.storedFile(photoId, size);
    if (!file) throw notFound('Photo');
    return { ...file, isPublic: audience.level === 'public' && audience.moderation === 'published' };
  }

  /**
   * A photo's file with no privacy or moderation check: only for callers that already decided the reader
   * may see it (a reviewer); null when the photo does not exist.
   */
  async storedFile(photoId: string, size: PhotoSize): Promise<{ data: Buffer; contentType: string } | null> {
    const [row] = await sqlRows<{ format: PhotoFormat }>(this.em, 'select format from photo where id = ?', [
      photoId,
    ]);
    const data = row ? await this.storage.get(storageKey(photoId, size)) : null;
    return row && data ? { data, contentType: CONTENT_TYPES[row.format] } : null;
  }

  // ── photos on moods ──────────────────────────────────────────────────────

  private async attachToPost(authorId: string, postId: string, photoIds: string[]): Promise<void> {
    const attached = await sqlRun(
      this.em,
      `update photo set post_id = ?
        where id = any(?::uuid[]) and owner_id = ? and album_id is null and post_id is null`,
      [postId, uuidArray(photoIds), authorId],
    );
    if (attached !== photoIds.length) {
      throw badRequest(
        'invalid_photo',
        'A mood carries only your own uploaded photos that are not yet on a mood or in an album',
      );
    }
  }

  private async photosOfPosts(viewerId: string | null, postIds: string[]): Promise<Map<string, PostPhoto[]>> {
    const visible = moderatedCondition(viewerId, photoModeration('p'));
    const rows = await sqlRows<{ id: string; post_id: string; width: number; height: number }>(
      this.em,
      `select p.id, p.post_id, p.width, p.height from photo p
        where p.post_id = any(?::uuid[]) and ${visible.sql} order by p.created_at, p.id`,
      [uuidArray(postIds), ...visible.params],
    );
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
    const photos = await sqlRows<{ id: string; owner_id: string; bytes: string }>(
      this.em,
      'select id, owner_id, bytes from photo where post_id = ?',
      [postId],
    );
    if (photos.length === 0) return async () => undefined;
    const ownerId = photos[0].owner_id;
    await this.lockUsage(ownerId);
    await sqlRun(this.em, 'delete from photo where post_id = ?', [postId]);
    await this.addUsage(ownerId, -photos.reduce((sum, photo) => sum + Number(photo.bytes), 0));
    return () => this.deleteFiles(photos.map((photo) => photo.id));
  }

  // ── storage quota ────────────────────────────────────────────────────────

  async usage(userId: string): Promise<{ usedBytes: number; quotaBytes: number }> {
    return {
      usedBytes: await this.usedBytes(userId),
      quotaBytes: await this.economy.storageQuotaBytes(userId),
    };
  }

  private async usedBytes(userId: string): Promise<number> {
    const [row] = await sqlRows<{ bytes: string }>(
      this.em,
      'select bytes from storage_usage where user_id = ?',
      [userId],
    );
    return row ? Number(row.bytes) : 0;
  }

  /** Locks the user's usage row until the transaction ends (creating it first) and reads it. */
  private async lockUsage(userId: string): Promise<number> {
    await sqlRun(this.em, 'insert into storage_usage (user_id, bytes) values (?, 0) on conflict do nothing', [
      userId,
    ]);
    const [row] = await sqlRows<{ bytes: string }>(
      this.em,
      'select bytes from storage_usage where user_id = ? for update',
      [userId],
    );
    return Number(row.bytes);
  }

  private async addUsage(userId: string, bytes: number): Promise<void> {
    await sqlRun(this.em, 'update storage_usage set bytes = greatest(bytes + ?, 0) where user_id = ?', [
      bytes,
      userId,
    ]);
  }

  private async ownsAlbum(ownerId: string, albumId: string): Promise<boolean> {
    const rows = await sqlRows(this.em, 'select 1 from album where id = ? and owner_id = ?', [
      albumId,
      ownerId,
    ]);
    return rows.length > 0;
  }

  /** Deletes files after their rows are gone; a failure leaves an orphan file, which harms nobody. */
  private async deleteFiles(photoIds: string[]): Promise<void> {
    for (const photoId of photoIds) {
      for (const size of PHOTO_SIZES) {
        await this.storage.delete(storageKey(photoId, size)).catch((error: unknown) => {
          this.logger.warn({ message: 'photo file not deleted', photoId, size, error: String(error) });
        });
      }
    }
  }
}
