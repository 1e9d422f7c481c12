import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { LIMITS } from '../../common/limits';
import { PRIVACY_LEVELS, type PrivacyLevel } from '../privacy-level';

/** Who may see a new item: the fields every create request under the privacy rule carries. */
export class AudienceFields {
  @ApiProperty({ enum: PRIVACY_LEVELS, description: 'public, friends, chosen friend groups, or only me' })
  @IsIn(PRIVACY_LEVELS)
  privacy!: PrivacyLevel;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: LIMITS.audienceGroupsMax,
    description: 'My friend groups that may see it; required for and only allowed with "groups"',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.audienceGroupsMax)
  @IsUUID('all', { each: true })
  groupIds?: string[];
}
