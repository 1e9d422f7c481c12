import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModerationSubjects, type SubjectInfo } from '../moderation/moderation-subjects';
import { InteractionsService } from '../posts/interactions.service';
import { AlbumsService } from './albums.service';
import { PhotosService } from './photos.service';
import { type ScreenedTable, ScreenedItemsRepository } from './screened-items.repository';

/** Tells moderation how to find and change albums and photos (their titles and descriptions are screened). */
@Injectable()
export class AlbumsModeration implements OnModuleInit {
  constructor(
    private readonly repository: ScreenedItemsRepository,
    private readonly subjects: ModerationSubjects,
    private readonly albums: AlbumsService,
    private readonly photos: PhotosService,
    private readonly interactions: InteractionsService,
  ) {}

  onModuleInit(): void {
    this.subjects.register({
      type: 'album',
      describe: (ids) => this.describe('album', ids),
      setState: (id, from, to, reason) => this.repository.setModeration('album', id, from, to, reason),
      visibleTo: (viewerId, id) => this.albums.albumVisible(viewerId, id),
    });
    this.subjects.register({
      type: 'photo',
      describe: (ids) => this.describe('photo', ids),
      setState: (id, from, to, reason) => this.repository.setModeration('photo', id, from, to, reason),
      visibleTo: (viewerId, id) => this.interactions.canSee('photo', viewerId, id),
      image: (id, size) => this.photos.storedFile(id, size),
    });
  }

  private async describe(table: ScreenedTable, ids: string[]): Promise<Map<string, SubjectInfo>> {
    if (ids.length === 0) return new Map();
    const rows = await this.repository.texts(table, ids);
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          authorId: row.owner_id,
          state: row.moderation,
          reason: row.moderation_reason,
          text: [row.title, row.description].filter((part) => part.trim().length > 0).join('\n'),
        },
      ]),
    );
  }
}
