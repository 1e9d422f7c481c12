import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../common/ids';

/** A comment on a post, or (with `parentId`) a reply to a top-level comment: one level deep. */
@Entity({ tableName: 'comment' })
export class Comment {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  postId!: string;

  @Property({ type: 'uuid' })
  authorId!: string;

  @Property({ type: 'uuid', nullable: true })
  parentId?: string | null;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
