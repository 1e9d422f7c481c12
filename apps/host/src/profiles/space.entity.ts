import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

export const GENDERS = ['unspecified', 'male', 'female', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

/** The blocks a space page can show, in the order the owner chose. */
export const SPACE_MODULES = ['profile', 'moods', 'blogs', 'messageBoard', 'visitors', 'friends'] as const;
export type SpaceModule = (typeof SPACE_MODULES)[number];

export const BOARD_ACCESS = ['friends', 'everyone'] as const;
export type BoardAccess = (typeof BOARD_ACCESS)[number];

/** Themes anyone may apply; premium themes arrive with the economy. */
export const FREE_THEMES = ['classic', 'sakura', 'starry-night', 'bamboo', 'ocean'] as const;

@Entity({ tableName: 'space' })
export class Space {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  nickname!: string;

  @Property({ type: 'text', nullable: true })
  avatarUrl?: string | null;

  @Property({ type: 'text', nullable: true })
  signature?: string | null;

  @Property({ type: 'text' })
  gender: Gender = 'unspecified';

  /** A calendar date (YYYY-MM-DD), not an instant. */
  @Property({ type: 'date', nullable: true })
  birthday?: string | null;

  @Property({ type: 'text', nullable: true })
  location?: string | null;

  @Property({ type: 'text' })
  themeId: string = 'classic';

  @Property({ type: 'text', nullable: true })
  musicUrl?: string | null;

  @Property({ type: 'json' })
  modules: SpaceModule[] = [...SPACE_MODULES];

  @Property({ type: 'text' })
  boardAccess: BoardAccess = 'friends';

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
