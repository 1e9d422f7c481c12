import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One direction of a friendship; every friendship is stored as two rows so lookups need no OR. */
@Entity({ tableName: 'friendship' })
export class Friendship {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @PrimaryKey({ type: 'uuid' })
  friendId!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
