import { PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../common/ids';
import type { ModerationState } from './moderation-state';

/**
 * The columns every table of text people write under moderation has (post, comment, board_message): the
 * content modules' entities extend it. Not an entity, and no table of its own.
 */
export abstract class ModeratedContent {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

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
