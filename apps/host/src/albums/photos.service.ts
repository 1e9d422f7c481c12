import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import { Keyset } from '../common/pagination';
import { conflict, notFound } from '../common/problem';
import { ModerationService } from '../moderation/moderation.service';
import { InteractionsService, type Commentable } from '../posts/interactions.service';
import { PostsService } from '../posts/posts.service';
import { type Audience, PrivacyService } from '../privacy/privacy.service';
import { AlbumsService } from './albums.service';
import { CONTENT_TYPES, type PhotoSize, processImage } from '../images/image-processing';
import { PhotoFiles } from './photo-files';
import { type PhotoRow, PhotosRepository } from './photos.repository';
import { ScreenedItems } from './screened-items';
import { StorageQuotaService } from './storage-quota.service';

export interface PhotoText {
  title?: string;
  description?: string;
}

/** A photo's file as served: the bytes, their type, and whether anyone at all may see it. */
export interface PhotoFile {
  data: Buffer;
  contentType: string;
  isPublic: boolean;
}

/**
 * Photos and their files. An album photo has its album's audience, a mood photo its mood's, an
 * unattached upload only its owner's; a photo's own moderation state (its title and description are
 * screened) applies on top.
 */
@Injectable()
export class PhotosService implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: PhotosRepository,
    private readonly albums: AlbumsService,
    private readonly quota: StorageQuotaService,
    private readonly files: PhotoFiles,
    private readonly screened: ScreenedItems,
    private readonly privacy: PrivacyService,
    private readonly moderation: ModerationService,
    private readonly posts: PostsService,
    private readonly interactions: InteractionsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.interactions.register({ type: 'photo', label: 'Photo', find: (id) => this.commentable(id) });
  }

  /**
   * Stores an uploaded image: into an album of the owner's, or (without an album) for a mood.
   * The files are written first and the row second, so a crash between leaves at worst an orphan
   * file, never a row without files; any refusal after the files are written deletes them.
   */
  async upload(ownerId: string, albumId: string | null, file: Buffer, text: PhotoText): Promise<string> {
    if (albumId !== null && !(await this.albums.ownsAlbum(ownerId, albumId))) throw notFound('Album');
    const title = (text.title ?? '').trim();
    const description = (text.description ?? '').trim();
    const verdict = await this.screened.screen({ title, description });
    const image = await processImage(file);
    // A cheap early refusal; the check that counts is repeated under the lock below.
    const quota = await this.quota.precheck(ownerId, image.bytes);
    const id = newId();
    try {
      await this.files.put(id, image.files);
      await this.em.transactional(async () => {
        await this.quota.lock(ownerId, { bytes: image.bytes, quota });
        if (albumId !== null) {
          if (!(await this.albums.ownsAlbum(ownerId, albumId))) throw notFound('Album');
          if ((await this.repository.countInAlbum(albumId)) >= LIMITS.photosPerAlbum) {
            throw conflict('limit_reached', `An album holds at most ${LIMITS.photosPerAlbum} photos`);
          }
        }
        await this.repository.insert({
          id,
          ownerId,
          albumId,
          title,
          description,
          format: image.format,
          width: image.width,
          height: image.height,
          bytes: image.bytes,
          moderation: this.moderation.stateAfter(verdict),
          createdAt: this.clock.now(),
        });
        await this.quota.add(ownerId, image.bytes);
        await this.moderation.enqueue({ type: 'photo', id, authorId: ownerId }, verdict);
      });
    } catch (error) {
      await this.files.delete([id]);
      throw error;
    }
    return id;
  }

  async updatePhoto(ownerId: string, photoId: string, edit: PhotoText): Promise<void> {
    await this.em.transactional(async () => {
      const photo = await this.repository.lockOwnedText(ownerId, photoId);
      if (!photo) throw notFound('Photo');
      const title = edit.title !== undefined ? edit.title.trim() : photo.title;
      const description = edit.description !== undefined ? edit.description.trim() : photo.description;
      await this.screened.edit('photo', ownerId, photoId, photo.moderation, { title, description });
    });
  }

  /** Deletes the photo, frees its quota, then deletes its files. */
  async deletePhoto(ownerId: string, photoId: string): Promise<void> {
    await this.em.transactional(async () => {
      await this.quota.lock(ownerId);
      const bytes = await this.repository.ownedBytes(ownerId, photoId);
      if (bytes === null) throw notFound('Photo');
      await this.repository.delete(photoId);
      await this.quota.add(ownerId, -bytes);
    });
    await this.files.delete([photoId]);
  }

  /**
   * A photo's audience under the privacy rule: its album's, its mood's, or (not yet attached) its
   * owner's alone; a photo that is not itself published is its owner's alone too.
   */
  private async photoAudience(photoId: string): Promise<Audience | null> {
    const photo = await this.repository.place(photoId);
    if (!photo) return null;
    const container =
      (photo.album_id ? await this.albums.albumAudience(photo.album_id) : null) ??
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
    const rows = await this.repository.rows(viewerId, ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The photos of an album the viewer may see, newest first. */
  async listPhotos(
    viewerId: string | null,
    albumId: string,
    limit: number,
    after: Keyset | undefined,
  ): Promise<PhotoRow[]> {
    if (!(await this.albums.albumVisible(viewerId, albumId))) throw notFound('Album');
    return this.photoRows(viewerId, await this.repository.listInAlbum(viewerId, albumId, limit, after));
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
    const format = await this.repository.format(photoId);
    const data = format ? await this.files.get(photoId, size) : null;
    return format && data ? { data, contentType: CONTENT_TYPES[format] } : null;
  }
}
