import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { LIMITS } from '../../common/limits';
import { PRIVACY_LEVELS, type PrivacyLevel } from '../../common/privacy-level';

/** A privacy level field; `description` says whose audience it is. */
const IsAudienceLevel = (description: string) =>
  applyDecorators(ApiProperty({ enum: PRIVACY_LEVELS, description }), IsIn(PRIVACY_LEVELS));

/**
 * The friend groups of a `groups` audience. Only the shape is checked here; the rule (required for
 * and only allowed with "groups", the author's own groups) is PrivacyService.checkAudience.
 */
const IsAudienceGroupIds = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: [String],
      format: 'uuid',
      maxItems: LIMITS.audienceGroupsMax,
      description: 'My friend groups that may see it; required for and only allowed with "groups"',
    }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(LIMITS.audienceGroupsMax),
    IsUUID('all', { each: true }),
  );

/** Who may see a new item: the fields every create request under the privacy rule carries. */
export class AudienceFields {
  @IsAudienceLevel('public, friends, chosen friend groups, or only me')
  privacy!: PrivacyLevel;

  @IsAudienceGroupIds()
  groupIds?: string[];
}

/** The audience preselected for my new posts: the same fields and rule as AudienceFields. */
export class UpdateAccountSettingsRequest {
  @IsAudienceLevel('The audience preselected for my new posts')
  defaultPrivacy!: PrivacyLevel;

  @IsAudienceGroupIds()
  defaultGroupIds?: string[];
}

/** A change of who may see an item, in an edit: each field left out stays as it was. */
export class AudienceChange {
  @ApiPropertyOptional({ enum: PRIVACY_LEVELS })
  @IsOptional()
  @IsIn(PRIVACY_LEVELS)
  privacy?: PrivacyLevel;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: LIMITS.audienceGroupsMax })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.audienceGroupsMax)
  @IsUUID('all', { each: true })
  groupIds?: string[];
}
