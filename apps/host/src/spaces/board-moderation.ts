import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModerationSubjects, type SubjectInfo } from '../moderation/moderation-subjects';
import { BoardRepository } from './board.repository';

/** Tells moderation how to find and change message-board entries (not reportable yet). */
@Injectable()
export class BoardModeration implements OnModuleInit {
  constructor(
    private readonly subjects: ModerationSubjects,
    private readonly board: BoardRepository,
  ) {}

  onModuleInit(): void {
    this.subjects.register({
      type: 'board_message',
      describe: (ids) => this.describe(ids),
      setState: (id, from, to, reason) => this.board.setModeration(id, from, to, reason),
    });
  }

  private async describe(ids: string[]): Promise<Map<string, SubjectInfo>> {
    if (ids.length === 0) return new Map();
    const rows = await this.board.subjects(ids);
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
