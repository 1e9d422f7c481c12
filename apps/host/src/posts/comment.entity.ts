import { Entity, Property } from '@mikro-orm/core';
import { ModeratedContent } from '../moderation/moderated-content';

/**
 * A comment on a post or on a photo (exactly one of `postId`, `photoId`), or (with `parentId`) a
 * reply to a top-level comment of the same item: one level deep.
 */
@Entity({ tableName: 'comment' })
export class Comment extends ModeratedContent {
  @Property({ type: 'uuid', nullable: true })
  postId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  photoId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  parentId?: string | null;
}
