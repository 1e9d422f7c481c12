import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Keyset, keysetCondition } from '../common/pagination';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import { compareAndSetModeration } from '../database/moderation-columns';
import type { ModerationState } from '../moderation/moderation-state';
import { moderatedCondition } from '../privacy/privacy.fragments';
import { BoardMessage } from './board-message.entity';

export interface BoardMessageRow {
  id: string;
  author_id: string;
  body: string;
  created_at: Date;
  moderation: ModerationState;
  moderation_reason: string | null;
}

/** What moderation reads of a message. */
export interface BoardMessageSubjectRow {
  id: string;
  owner_id: string;
  author_id: string;
  body: string;
  moderation: ModerationState;
  moderation_reason: string | null;
}

/** SQL of the message boards (board_message) for SpacesService and BoardModeration. */
@Injectable()
export class BoardRepository {
  constructor(private readonly em: EntityManager) {}

  /** The owner's board as the viewer may see it, newest first; one more than `limit`. */
  list(viewerId: string | null, ownerId: string, limit: number, after: Keyset | undefined) {
    const keyset = keysetCondition('m', after);
    const visible = moderatedCondition(viewerId, { authorId: 'm.author_id', moderation: 'm.moderation' });
    return sqlRows<BoardMessageRow>(
      this.em,
      `select m.id, m.author_id, m.body, m.created_at, m.moderation, m.moderation_reason from board_message m
        where m.owner_id = ? and ${keyset.sql} and ${visible.sql}
        order by m.created_at desc, m.id desc limit ?`,
      [ownerId, ...keyset.params, ...visible.params, limit + 1],
    );
  }

  /** A new message in the caller's unit of work (it is written with the caller's flush). */
  add(
    fields: Pick<BoardMessage, 'ownerId' | 'authorId' | 'body' | 'moderation' | 'createdAt'>,
  ): BoardMessage {
    const message = this.em.create(BoardMessage, fields);
    this.em.persist(message);
    return message;
  }

  /**
   * Deletes a message on the owner's board if the viewer is the owner or its author; returns how many
   * went (0 otherwise).
   */
  delete(viewerId: string, ownerId: string, messageId: string): Promise<number> {
    return sqlRun(
      this.em,
      'delete from board_message where id = ? and owner_id = ? and (owner_id = ? or author_id = ?)',
      [messageId, ownerId, viewerId, viewerId],
    );
  }

  /** What moderation shows of the given messages. */
  subjects(ids: string[]): Promise<BoardMessageSubjectRow[]> {
    return sqlRows<BoardMessageSubjectRow>(
      this.em,
      `select id, owner_id, author_id, body, moderation, moderation_reason from board_message
        where id = any(?::uuid[])`,
      [uuidArray(ids)],
    );
  }

  /** Moves a message from one moderation state to another, if it is still in the first. */
  setModeration(
    messageId: string,
    from: ModerationState,
    to: ModerationState,
    reason: string | null,
  ): Promise<boolean> {
    return compareAndSetModeration(this.em, 'board_message', messageId, from, to, reason);
  }
}
