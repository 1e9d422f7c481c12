import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../common/ids';
import type { PostActivityVerb } from '../posts/post-activity';

export type FeedVerb = PostActivityVerb;

/** Something a user did that their friends' information centers show; visible only when its post is. */
@Entity({ tableName: 'feed_entry' })
export class FeedEntry {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  actorId!: string;

  @Property({ type: 'text' })
  verb!: FeedVerb;

  @Property({ type: 'uuid' })
  postId!: string;

  @Property({ type: 'uuid', nullable: true })
  commentId?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
