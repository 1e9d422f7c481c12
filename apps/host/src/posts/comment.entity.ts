import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../common/ids';
import type { ModerationState } from '../moderation/moderation-state';

/**
 * A comment on a post or on a photo (exactly one of `postId`, `photoId`), or (with `parentId`) a
 * reply to a top-level comment of the same item: one level deep.
 */
@Entity({ tableName: 'comment' })
export class Comment {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid', nullable: true })
  postId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  photoId?: string | null;

  @Property({ type: 'uuid' })
  authorId!: string;

  @Property({ type: 'uuid', nullable: true })
  parentId?: string | null;

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
