import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../common/ids';
import type { ModerationState } from '../moderation/moderation-state';

/** An entry on a space's message board (留言板). */
@Entity({ tableName: 'board_message' })
export class BoardMessage {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  ownerId!: string;

  @Property({ type: 'uuid' })
  authorId!: string;

  @Property({ type: 'text' })
  body!: string;

  /** Only published content reaches anyone but its author (see the privacy rule). */
  @Property({ type: 'text' })
  moderation: ModerationState = 'published';

  /** Why a reviewer rejected or unpublished it, shown to its author. */
  @Property({ type: 'text', nullable: true })
  moderationReason?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
