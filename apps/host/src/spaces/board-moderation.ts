import { EntityManager } from '@mikro-orm/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import type { ModerationState } from '../moderation/moderation-state';
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
      setState: (id, from, to, reason) => this.setState(id, from, to, reason),
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

  /** Compare-and-set, so two reviewers deciding at once cannot both succeed. */
  private async setState(
    id: string,
    from: ModerationState,
    to: ModerationState,
    reason: string | null,
  ): Promise<boolean> {
    const changed = await sqlRun(
      this.em,
      'update board_message set moderation = ?, moderation_reason = ? where id = ? and moderation = ?',
      [to, reason, id, from],
    );
    return changed > 0;
  }
}
