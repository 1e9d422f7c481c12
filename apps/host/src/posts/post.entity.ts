import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../common/ids';
import type { ModerationState } from '../moderation/moderation-state';
import type { PrivacyLevel } from '../privacy/privacy-level';

export type PostKind = 'mood' | 'blog' | 'repost';

@Entity({ tableName: 'post' })
export class Post {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  authorId!: string;

  @Property({ type: 'text' })
  kind!: PostKind;

  /** Blogs only. */
  @Property({ type: 'text', nullable: true })
  title?: string | null;

  /** Mood text, sanitized blog HTML, or the comment a repost adds. */
  @Property({ type: 'text' })
  body!: string;

  /** Reposts only; null once the original is deleted. */
  @Property({ type: 'uuid', nullable: true })
  repostOfId?: string | null;

  @Property({ type: 'text' })
  privacy!: PrivacyLevel;

  /** Only published content reaches anyone but its author (see the privacy rule). */
  @Property({ type: 'text' })
  moderation: ModerationState = 'published';

  /** Why a reviewer rejected or unpublished it, shown to its author. */
  @Property({ type: 'text', nullable: true })
  moderationReason?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
