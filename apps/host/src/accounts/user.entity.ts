import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../common/ids';

export type Role = 'user' | 'developer' | 'admin';
export const ROLES: readonly Role[] = ['user', 'developer', 'admin'];

@Entity({ tableName: 'user_account' })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  /** As the user typed it; `usernameKey` is the lower-cased form that makes usernames unique. */
  @Property({ type: 'text' })
  username!: string;

  @Property({ type: 'text', unique: true })
  usernameKey!: string;

  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Property({ type: 'text[]' })
  roles: Role[] = ['user'];

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
