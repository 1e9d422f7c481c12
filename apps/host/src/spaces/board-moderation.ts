import { EntityManager } from '@mikro-orm/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { sqlRows, uuidArray } from '../database/sql';
import { compareAndSetModeration, type ModerationState } from '../moderation/moderation-state';
import { ModerationSubjects, type SubjectInfo } from '../moderation/moderation-subjects';

/** Tells moderation how to find and change message-board entries (not reportable yet). */
@Injectable()
export class BoardModeration implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly subjects: ModerationSubjects,
  ) {}

  onModuleInit(): void {
    this.subjects.register({
      type: 'board_message',
      describe: (ids) => this.describe(ids),
      setState: (id, from, to, reason) =>
        compareAndSetModeration(this.em, 'board_message', id, from, to, reason),
    });
  }

  private async describe(ids: string[]): Promise<Map<string, SubjectInfo>> {
    if (ids.length === 0) return new Map();
    const rows = await sqlRows<{
      id: string;
      owner_id: string;
      author_id: string;
      body: string;
      moderation: ModerationState;
      moderation_reason: string | null;
    }>(
      this.em,
      `select id, owner_id, author_id, body, moderation, moderation_reason from board_message
        where id = any(?::uuid[])`,
      [uuidArray(ids)],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          authorId: row.author_id,
          state: row.moderation,
          reason: row.moderation_reason,
          text: row.body,
          spaceOwnerId: row.owner_id,
        },
      ]),
    );
  }
}
