import { Injectable, OnModuleInit } from '@nestjs/common';
import { describeSubjects, ModerationSubjects, type SubjectInfo } from '../moderation/moderation-subjects';
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

  private describe(table: ScreenedTable, ids: string[]): Promise<Map<string, SubjectInfo>> {
    return describeSubjects(
      ids,
      (wanted) => this.repository.texts(table, wanted),
      (row) => ({
        authorId: row.owner_id,
        text: [row.title, row.description].filter((part) => part.trim().length > 0).join('\n'),
      }),
    );
  }
}
