import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { LIMITS } from '../../common/limits';
import { MODERATION_STATES, type ModerationState } from '../../moderation/moderation-state';
import { PageInfo } from '../../common/pagination';

export const OPENID_DESCRIPTION =
  'The user as this app sees them: stable for the app, different for every other app';

export class OpenVipStatus {
  @ApiProperty({ description: 'Whether the user is a yellow-diamond member now' }) active!: boolean;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 7,
    description: 'Yellow-diamond level while the membership runs; null otherwise',
  })
  level!: number | null;
}

export class OpenProfile {
  @ApiProperty({ description: OPENID_DESCRIPTION }) openid!: string;
  @ApiProperty() nickname!: string;
  @ApiProperty({ type: String, nullable: true }) headPortraitUrl!: string | null;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Level from activity points' }) level!: number;
  @ApiProperty({ type: OpenVipStatus }) vip!: OpenVipStatus;
}

const VIP_DESCRIPTION = 'Yellow-diamond membership now; only when the token has profile:read';

export class AppFriend {
  @ApiProperty({ description: OPENID_DESCRIPTION }) openid!: string;
  @ApiProperty() nickname!: string;
  @ApiProperty({ type: String, nullable: true }) headPortraitUrl!: string | null;
  @ApiPropertyOptional({ type: OpenVipStatus, description: VIP_DESCRIPTION }) vip?: OpenVipStatus;
}

export class AppFriendPage extends PageInfo {
  @ApiProperty({ type: [AppFriend], description: 'Ordered by openid' }) items!: AppFriend[];
}

export class AppFriendStatus {
  @ApiProperty({ description: OPENID_DESCRIPTION }) openid!: string;
  @ApiProperty({ description: 'Whether this user is a friend of the token’s user and uses this app' })
  isFriend!: boolean;
  @ApiPropertyOptional({ type: OpenVipStatus, description: VIP_DESCRIPTION }) vip?: OpenVipStatus;
}

export const STORY_PRIVACY_LEVELS = ['public', 'friends', 'private'] as const;
export type StoryPrivacy = (typeof STORY_PRIVACY_LEVELS)[number];

/** An optional https URL property (no credentials in it), e.g. a link or an image an app sends. */
export function OptionalHttpsUrl(property: string, description: string): PropertyDecorator {
  // In the order stacked decorators are applied: bottom first.
  return applyDecorators(
    IsUrl(
      { protocols: ['https'], require_protocol: true, disallow_auth: true },
      { message: `${property} must be an https URL` },
    ),
    MaxLength(LIMITS.urlMax),
    IsString(),
    IsOptional(),
    ApiPropertyOptional({ format: 'uri', maxLength: LIMITS.urlMax, description }),
  );
}

export class CreateStoryRequest {
  @ApiProperty({ minLength: 1, maxLength: LIMITS.storyTextMax, description: 'Plain text' })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.storyTextMax)
  text!: string;

  @OptionalHttpsUrl('linkUrl', 'An https link')
  linkUrl?: string;

  @OptionalHttpsUrl('imageUrl', 'An https image')
  imageUrl?: string;

  @ApiPropertyOptional({ enum: STORY_PRIVACY_LEVELS, default: 'friends', description: 'Who may see it' })
  @IsOptional()
  @IsIn(STORY_PRIVACY_LEVELS)
  privacy?: StoryPrivacy;
}

export class StoryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: String, nullable: true }) linkUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) imageUrl!: string | null;
  @ApiProperty({ enum: STORY_PRIVACY_LEVELS }) privacy!: StoryPrivacy;
  @ApiProperty({
    enum: MODERATION_STATES,
    description:
      'published; held: waits for a moderator, seen by its user only; rejected or unpublished by a moderator ' +
      '(seen by its user only)',
  })
  state!: ModerationState;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class TextCheckRequest {
  @ApiProperty({ minLength: 1, maxLength: LIMITS.storyTextMax, description: 'The text as the user wrote it' })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.storyTextMax)
  text!: string;
}

export class TextCheckResponse {
  @ApiProperty({
    enum: ['allow', 'hold', 'block'],
    description:
      'What posting this text as a story would do now: published (allow), held for a moderator (hold), or ' +
      'refused (block). Which rule matched is not said.',
  })
  verdict!: 'allow' | 'hold' | 'block';
}

/** Any JSON value: the shape apps keep in storage. */
export const JSON_VALUE_SCHEMA = {
  oneOf: [
    { type: 'object', additionalProperties: true },
    { type: 'array', items: {} },
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'null' },
  ],
};

export class PutStorageItemRequest {
  @ApiProperty({
    ...JSON_VALUE_SCHEMA,
    description: `Any JSON value, at most ${LIMITS.storageValueBytes} bytes serialized`,
  })
  @ValidateBy({
    name: 'isPresent',
    validator: {
      validate: (value: unknown) => value !== undefined,
      defaultMessage: () => 'value is required',
    },
  })
  value!: unknown;
}

export class StorageItem {
  @ApiProperty() key!: string;
  @ApiProperty({ ...JSON_VALUE_SCHEMA }) value!: unknown;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
