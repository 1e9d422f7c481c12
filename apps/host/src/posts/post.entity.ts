import { Entity, Property } from '@mikro-orm/core';
import type { PrivacyLevel } from '../common/privacy-level';
import { ModeratedContent } from '../moderation/moderated-content';

/** A story is posted by an app for its user, through the Open API (`POST /open/v1/feed/stories`). */
export type PostKind = 'mood' | 'blog' | 'repost' | 'story';

/** A post's `body` is mood text, sanitized blog HTML, or the comment a repost adds. */
@Entity({ tableName: 'post' })
export class Post extends ModeratedContent {
  @Property({ type: 'text' })
  kind!: PostKind;

  /** Blogs only. */
  @Property({ type: 'text', nullable: true })
  title?: string | null;

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

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
