import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../common/ids';

export type FriendRequestStatus = 'pending' | 'accepted' | 'declined' | 'cancelled';

@Entity({ tableName: 'friend_request' })
export class FriendRequest {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  fromId!: string;

  @Property({ type: 'uuid' })
  toId!: string;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'text' })
  status: FriendRequestStatus = 'pending';

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date | null;
}
