import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import { Keyset } from '../common/pagination';
import { badRequest, conflict, notFound } from '../common/problem';
import { nonBlank } from '../common/text';
import { ModerationService } from '../moderation/moderation.service';
import type { PrivacyLevel } from '../common/privacy-level';
import { type Audience, PrivacyService } from '../privacy/privacy.service';
import { albumColumns, type AlbumRow, AlbumsRepository } from './albums.repository';
import { PhotoFiles } from './photo-files';
import { PhotosRepository } from './photos.repository';
import { ScreenedItems } from './screened-items';
import { StorageQuotaService } from './storage-quota.service';

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

/**
 * Albums: their text, audience and cover, and who may see them. Visibility is the privacy rule's; an
 * album's photos have its audience (PhotosService), with each photo's own moderation state on top.
 */
@Injectable()
export class AlbumsService {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: AlbumsRepository,
    private readonly photos: PhotosRepository,
    private readonly quota: StorageQuotaService,
    private readonly files: PhotoFiles,
    private readonly screened: ScreenedItems,
    private readonly accounts: AccountsService,
    private readonly privacy: PrivacyService,
    private readonly moderation: ModerationService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async createAlbum(ownerId: string, input: AlbumInput): Promise<string> {
    const title = nonBlank(input.title, 'title');
    const description = (input.description ?? '').trim();
    const verdict = await this.screened.screen({ title, description });
    return this.em.transactional(async () => {
      // The usage row serializes a user's album and photo changes, so limits hold under races.
      await this.quota.lock(ownerId);
      if ((await this.repository.countOwned(ownerId)) >= LIMITS.albumsPerUser) {
        throw conflict('limit_reached', `You can have at most ${LIMITS.albumsPerUser} albums`);
      }
      const id = newId();
      await this.repository.insert({
        id,
        ownerId,
        title,
        description,
        privacy: input.privacy,
        moderation: this.moderation.stateAfter(verdict),
        createdAt: this.clock.now(),
      });
      await this.privacy.setAudience({ id, authorId: ownerId, level: input.privacy }, input.groupIds);
      await this.moderation.enqueue({ type: 'album', id, authorId: ownerId }, verdict);
      return id;
    });
  }

  async updateAlbum(ownerId: string, albumId: string, edit: AlbumEdit): Promise<void> {
    await this.em.transactional(async () => {
      const album = await this.repository.lockOwned(ownerId, albumId);
      if (!album) throw notFound('Album');
      if (edit.title !== undefined || edit.description !== undefined) {
        const title = edit.title !== undefined ? nonBlank(edit.title, 'title') : album.title;
        const description = edit.description !== undefined ? edit.description.trim() : album.description;
        await this.screened.edit('album', ownerId, albumId, album.moderation, { title, description });
      }
      if (edit.privacy !== undefined || edit.groupIds !== undefined) {
        const level = edit.privacy ?? album.privacy;
        const groupIds =
          edit.groupIds ?? (level === 'groups' ? await this.privacy.audienceGroups(albumId) : undefined);
        await this.privacy.setAudience({ id: albumId, authorId: ownerId, level }, groupIds);
        await this.repository.setPrivacy(albumId, level);
      }
      if (edit.coverPhotoId !== undefined) {
        const coverId = edit.coverPhotoId?.toLowerCase() ?? null;
        if (coverId !== null && !(await this.photos.isInAlbum(coverId, albumId))) {
          throw badRequest('invalid_photo', 'The cover must be a photo of this album');
        }
        await this.repository.setCover(albumId, coverId);
      }
      await this.repository.touch(albumId, this.clock.now());
    });
  }

  /** Deletes the album with its photos, frees their quota, then deletes their files. */
  async deleteAlbum(ownerId: string, albumId: string): Promise<void> {
    const photoIds = await this.em.transactional(async () => {
      await this.quota.lock(ownerId);
      if (!(await this.repository.isOwned(ownerId, albumId))) throw notFound('Album');
      const photos = await this.photos.inAlbum(albumId);
      await this.repository.setCover(albumId, null);
      await this.photos.deleteInAlbum(albumId);
      await this.repository.delete(albumId);
      await this.privacy.clearAudience(albumId);
      await this.quota.free(ownerId, photos);
      return photos.map((photo) => photo.id);
    });
    await this.files.delete(photoIds);
  }

  ownsAlbum(ownerId: string, albumId: string): Promise<boolean> {
    return this.repository.isOwned(ownerId, albumId);
  }

  /** The album under the privacy rule; null when there is no such album. */
  async albumAudience(albumId: string): Promise<Audience | null> {
    const row = await this.repository.audience(albumId);
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
    const rows = await this.repository.rows(viewerId, ids);
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
    return this.repository.listOwned(ownerId, visible, limit, after);
  }
}
