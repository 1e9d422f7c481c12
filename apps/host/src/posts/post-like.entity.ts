import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

@Entity({ tableName: 'post_like' })
export class PostLike {
  @PrimaryKey({ type: 'uuid' })
  postId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
