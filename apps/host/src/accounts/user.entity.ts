import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../common/ids';
import type { PrivacyLevel } from '../common/privacy-level';

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

  /** The audience the web app preselects for a new post; the post's own privacy is what counts. */
  @Property({ type: 'text' })
  defaultPrivacy: Opt<PrivacyLevel> = 'public';

  /** The user's own friend groups preselected with `groups`; empty for every other level. */
  @Property({ type: 'uuid[]' })
  defaultGroupIds: Opt<string[]> = [];

  /** Set while an admin has the account suspended: no sign-in, no tokens, content hidden from others. */
  @Property({ type: 'timestamptz', nullable: true })
  suspendedAt: Opt<Date> | null = null;

  /** The admin who suspended the account. */
  @Property({ type: 'uuid', nullable: true })
  suspendedBy: Opt<string> | null = null;

  /** Why, for admins; the user is told only that the account is suspended. */
  @Property({ type: 'text', nullable: true })
  suspensionReason: Opt<string> | null = null;
}
