import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../common/ids';
import type { ModerationState } from '../moderation/moderation-state';
import type { PrivacyLevel } from '../common/privacy-level';

/** A story is posted by an app for its user, through the Open API (`POST /open/v1/feed/stories`). */
export type PostKind = 'mood' | 'blog' | 'repost' | 'story';

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

  /** Stories only: the app that posted it; null once the app is deleted. */
  @Property({ type: 'uuid', nullable: true })
  appId?: string | null;

  /** Stories only: an https link and an https image the app attached. */
  @Property({ type: 'text', nullable: true })
  linkUrl?: string | null;

  @Property({ type: 'text', nullable: true })
  imageUrl?: string | null;

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
