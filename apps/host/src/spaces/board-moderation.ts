import { Injectable, OnModuleInit } from '@nestjs/common';
import { describeSubjects, ModerationSubjects, type SubjectInfo } from '../moderation/moderation-subjects';
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

  private describe(ids: string[]): Promise<Map<string, SubjectInfo>> {
    return describeSubjects(
      ids,
      (wanted) => this.board.subjects(wanted),
      (row) => ({
        authorId: row.author_id,
        text: row.body,
        spaceOwnerId: row.owner_id,
      }),
    );
  }
}
