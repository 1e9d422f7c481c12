import { Entity, Property } from '@mikro-orm/core';
import { ModeratedContent } from '../moderation/moderated-content';

/** An entry on a space's message board (留言板). */
@Entity({ tableName: 'board_message' })
export class BoardMessage extends ModeratedContent {
  @Property({ type: 'uuid' })
  ownerId!: string;
}
