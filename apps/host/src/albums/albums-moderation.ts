import { EntityManager } from '@mikro-orm/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { sqlRows, uuidArray } from '../database/sql';
import { compareAndSetModeration, type ModerationState } from '../moderation/moderation-state';
import { ModerationSubjects, type SubjectInfo } from '../moderation/moderation-subjects';
import { InteractionsService } from '../posts/interactions.service';
import { AlbumsService } from './albums.service';

/** Tells moderation how to find and change albums and photos (their titles and descriptions are screened). */
@Injectable()
export class AlbumsModeration implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly subjects: ModerationSubjects,
    private readonly albums: AlbumsService,
    private readonly interactions: InteractionsService,
  ) {}

  onModuleInit(): void {
    this.subjects.register({
      type: 'album',
      describe: (ids) => this.describe('album', ids),
      setState: (id, from, to, reason) => compareAndSetModeration(this.em, 'album', id, from, to, reason),
      visibleTo: (viewerId, id) => this.albums.albumVisible(viewerId, id),
    });
    this.subjects.register({
      type: 'photo',
      describe: (ids) => this.describe('photo', ids),
      setState: (id, from, to, reason) => compareAndSetModeration(this.em, 'photo', id, from, to, reason),
      visibleTo: (viewerId, id) => this.interactions.canSee('photo', viewerId, id),
      image: (id, size) => this.albums.storedFile(id, size),
    });
  }

  private async describe(table: 'album' | 'photo', ids: string[]): Promise<Map<string, SubjectInfo>> {
    if (ids.length === 0) return new Map();
    const rows = await sqlRows<{
      id: string;
      owner_id: string;
      title: string;
      description: string;
      moderation: ModerationState;
      moderation_reason: string | null;
    }>(
      this.em,
      `select id, owner_id, title, description, moderation, moderation_reason from ${table} where id = any(?::uuid[])`,
      [uuidArray(ids)],
    );
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
