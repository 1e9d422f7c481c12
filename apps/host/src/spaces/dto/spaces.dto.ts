import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  IsUUID,
  ValidateIf,
} from 'class-validator';
import { LIMITS } from '../../common/limits';
import { LevelBadge, VipBadge } from '../../economy/dto/economy.dto';
import { PageInfo } from '../../common/pagination';
import { ModerationStatus, ModerationStatusProperty } from '../../moderation/dto/moderation.dto';
import {
  BOARD_ACCESS,
  FREE_THEMES,
  GENDERS,
  SPACE_MODULES,
  type BoardAccess,
  type Gender,
  type SpaceModule,
} from '../../profiles/space.entity';
import { UserSummary } from '../../profiles/user-directory.service';

/** May be left out, but not sent as null: the field has no "cleared" state. */
const IsOptionalNotNull = () => ValidateIf((_object, value) => value !== undefined);

/** Head portraits and music are fetched by browsers, so only web URLs are taken. */
const IsWebUrl = () =>
  IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: ({ property }) => `${property} must be an http or https URL` },
  );

const NOT_BLANK = /\S/;
const THEME_ID_SOURCE = '^[a-z0-9]+(-[a-z0-9]+)*$';
const THEME_ID = new RegExp(THEME_ID_SOURCE);

export const RELATIONSHIPS = ['self', 'friend', 'none', 'blocked', 'blocking'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

// ── requests ─────────────────────────────────────────────────────────────

/** Fields left out stay as they are; null clears an optional field. */
export class UpdateSpaceProfileRequest {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: LIMITS.nicknameMax,
    description: 'Shown instead of the username',
  })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.nicknameMax)
  @Matches(NOT_BLANK, { message: 'nickname must not be blank' })
  nickname?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uri',
    maxLength: LIMITS.urlMax,
    description: 'Head portrait (http or https)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.urlMax)
  @IsWebUrl()
  avatarUrl?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: LIMITS.signatureMax,
    description: 'The one-line signature',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.signatureMax)
  signature?: string | null;

  @ApiPropertyOptional({ enum: GENDERS })
  @IsOptionalNotNull()
  @IsIn(GENDERS)
  gender?: Gender;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date',
    example: '1999-12-31',
    description: `A calendar date (YYYY-MM-DD), from ${LIMITS.birthdayEarliest} to today`,
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthday must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'birthday must be a real calendar date' })
  birthday?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: LIMITS.locationMax })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.locationMax)
  location?: string | null;
}

export class UpdateSpaceDecorationRequest {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: LIMITS.themeIdMax,
    pattern: THEME_ID_SOURCE,
    example: FREE_THEMES[1],
    description: `The theme (skin) of the space: a free theme (${FREE_THEMES.join(', ')}) or a theme or skin of the shop that I may use (owned; VIP-only ones need a running yellow diamond)`,
  })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.themeIdMax)
  @Matches(THEME_ID, { message: 'themeId must be lower-case letters, digits and dashes' })
  themeId?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uri',
    maxLength: LIMITS.urlMax,
    description: 'Background music (http or https)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.urlMax)
  @IsWebUrl()
  musicUrl?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A music item of the shop to play (instead of musicUrl)',
  })
  @IsOptional()
  @IsUUID()
  musicItemId?: string;

  @ApiPropertyOptional({
    enum: SPACE_MODULES,
    isArray: true,
    uniqueItems: true,
    maxItems: SPACE_MODULES.length,
    description: 'The blocks the space page shows, in this order; blocks left out are hidden',
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(SPACE_MODULES.length)
  @ArrayUnique({ message: 'modules must not repeat a module' })
  @IsIn(SPACE_MODULES, { each: true })
  modules?: SpaceModule[];

  @ApiPropertyOptional({ enum: BOARD_ACCESS, description: 'Who may read and write on the message board' })
  @IsOptionalNotNull()
  @IsIn(BOARD_ACCESS)
  boardAccess?: BoardAccess;
}

export class CreateBoardMessageRequest {
  @ApiProperty({ minLength: 1, maxLength: LIMITS.boardMessageMax, description: 'Plain text' })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.boardMessageMax)
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body!: string;
}

// ── responses ────────────────────────────────────────────────────────────

export class SpaceProfileResponse {
  @ApiProperty() nickname!: string;
  @ApiProperty({ type: String, nullable: true }) avatarUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) signature!: string | null;
  @ApiProperty({ enum: GENDERS }) gender!: Gender;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) birthday!: string | null;
  @ApiProperty({ type: String, nullable: true }) location!: string | null;
}

export class SpaceDecorationResponse {
  @ApiProperty({ description: 'The theme (skin) id' }) themeId!: string;
  @ApiProperty({ type: String, nullable: true }) musicUrl!: string | null;
  @ApiProperty({ enum: SPACE_MODULES, isArray: true, description: 'Shown blocks, in order' })
  modules!: SpaceModule[];
  @ApiProperty({ enum: BOARD_ACCESS }) boardAccess!: BoardAccess;
}

export class SpaceResponse {
  @ApiProperty({ format: 'uuid', description: "The owner's user id" }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ type: SpaceProfileResponse }) profile!: SpaceProfileResponse;
  @ApiProperty({ type: SpaceDecorationResponse }) decoration!: SpaceDecorationResponse;
  @ApiProperty({ description: 'Posts of the owner the viewer may see' }) postCount!: number;
  @ApiProperty({ description: 'Visits recorded, one per visitor per UTC day' }) visitorCount!: number;
  @ApiProperty({ description: 'Visitors today (UTC)' }) visitorsToday!: number;
  @ApiProperty({
    enum: RELATIONSHIPS,
    nullable: true,
    description:
      'The viewer to the owner: the owner, a friend, nobody in particular, blocked by the owner, or blocking the owner; null when signed out',
  })
  relationship!: Relationship | null;
  @ApiProperty({ description: 'Whether the viewer may read the message board' }) canReadBoard!: boolean;
  @ApiProperty({ description: 'Whether the viewer may leave a message' }) canWriteBoard!: boolean;
  @ApiProperty({
    type: VipBadge,
    nullable: true,
    description: "The owner's yellow-diamond badge; null if they were never a member",
  })
  vip!: VipBadge | null;
  @ApiProperty({ type: LevelBadge, description: "The owner's level from activity points" })
  level!: LevelBadge;
}

export class SpaceVisitorResponse {
  @ApiProperty({ type: UserSummary }) visitor!: UserSummary;
  @ApiProperty({ format: 'date-time', description: 'The latest visit of that UTC day' }) visitedAt!: string;
}

export class SpaceVisitorPage extends PageInfo {
  @ApiProperty({ type: [SpaceVisitorResponse] }) items!: SpaceVisitorResponse[];
}

export class BoardMessageResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: UserSummary }) author!: UserSummary;
  @ApiProperty() body!: string;
  @ApiProperty({ description: 'Whether the viewer may delete it (the space owner or the author)' })
  deletable!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ModerationStatusProperty('author', 'the message')
  moderation?: ModerationStatus;
}

export class BoardMessagePage extends PageInfo {
  @ApiProperty({ type: [BoardMessageResponse] }) items!: BoardMessageResponse[];
}
