import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { APP_CATEGORIES, type AppCategory } from '../../apps/app-manifest';
import { ScopeResponse } from '../../apps/dto/app.dto';
import { SCOPES, type Scope } from '../../apps/scopes';
import { LIMITS } from '../../common/limits';
import { PageInfo, PageQuery } from '../../common/pagination';
import { UserSummary } from '../../profiles/user-directory.service';

export class AppCenterQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APP_CATEGORIES })
  @IsOptional()
  @IsIn(APP_CATEGORIES)
  category?: AppCategory;

  @ApiPropertyOptional({ maxLength: LIMITS.appNameMax, description: 'Part of the name, any letter case' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.appNameMax)
  q?: string;
}

export class RatingSummary {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Average stars, one decimal; null before any rating',
  })
  average!: number | null;
  @ApiProperty() count!: number;
}

/** An app as the app center lists it. */
export class AppCenterAppResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, nullable: true }) iconUrl!: string | null;
  @ApiProperty({ enum: APP_CATEGORIES }) category!: AppCategory;
  @ApiProperty({ type: UserSummary }) developer!: UserSummary;
  @ApiProperty({ description: 'Users who have it installed now' }) installCount!: number;
  @ApiProperty({ type: RatingSummary }) rating!: RatingSummary;
  @ApiProperty({ description: 'Built into Kongjian (a plugin)' }) builtIn!: boolean;
}

export class AppCenterPageResponse extends PageInfo {
  @ApiProperty({ type: [AppCenterAppResponse] }) items!: AppCenterAppResponse[];
}

export class AppScopeResponse extends ScopeResponse {
  @ApiProperty({ description: 'The user may leave it out when installing' }) optional!: boolean;
}

export class InstallationResponse {
  @ApiProperty({ type: [ScopeResponse], description: 'What the user allowed the app' })
  scopes!: ScopeResponse[];
  @ApiProperty({
    type: [ScopeResponse],
    description:
      'Scopes a newer version asks for that the user has not been asked about; installing again grants them',
  })
  pendingScopes!: ScopeResponse[];
  @ApiProperty({ format: 'date-time' }) installedAt!: string;
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5 }) myRating!: number | null;
}

export class AppCenterDetailResponse extends AppCenterAppResponse {
  @ApiProperty({ type: [AppScopeResponse], description: 'What the app asks for, in plain words' })
  scopes!: AppScopeResponse[];
  @ApiProperty({ description: 'It has a canvas the app center can open' }) hasCanvas!: boolean;
  @ApiProperty({ type: InstallationResponse, nullable: true, description: 'Null when not installed' })
  installation!: InstallationResponse | null;
}

export class InstallRequest {
  @ApiPropertyOptional({
    enum: SCOPES,
    isArray: true,
    description: 'Optional scopes the user unticked; required ones cannot be declined',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(SCOPES, { each: true })
  declinedScopes?: Scope[];
}

export class InstalledAppResponse extends AppCenterAppResponse {
  @ApiProperty({ type: String, nullable: true }) canvasUrl!: string | null;
  @ApiProperty({ type: InstallationResponse }) installation!: InstallationResponse;
}

export class InstalledAppListResponse {
  @ApiProperty({ type: [InstalledAppResponse] }) items!: InstalledAppResponse[];
}

export class RatingRequest {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  stars!: number;
}

export class LaunchQuery {
  @ApiPropertyOptional({
    minimum: 1,
    description:
      "Open this version's canvas instead of the one users have: for the app's developer, its testers and " +
      'reviewers (admins), to try a version before it is published',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

export class AppIconQuery {
  @ApiPropertyOptional({ description: 'Which upload the URL names; a new upload gives the icon a new URL' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  v?: string;
}

export class LaunchResponse {
  @ApiProperty() canvasUrl!: string;
  @ApiProperty({
    description:
      "A JWT (ES256) for the app's backend: iss the host, aud the app's client_id, sub the user's openid, " +
      'a nonce, and exp; verify it against /.well-known/jwks.json',
  })
  launchToken!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class InviteRequest {
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: LIMITS.appInvitesPerDay,
    description: 'Friends to invite',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.appInvitesPerDay)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  userIds!: string[];
}

export class InviteResponse {
  @ApiProperty({ type: [String], description: 'Friends who were sent an invite now' }) invited!: string[];
  @ApiProperty({
    type: [String],
    description:
      'Friends I had invited already, whose invite is still pending: not notified again, not counted',
  })
  alreadyInvited!: string[];
  @ApiProperty({ type: [String], description: 'Friends skipped because they have the app already' })
  alreadyInstalled!: string[];
  @ApiProperty({ description: 'Invites left today' }) remainingToday!: number;
}

export class FriendToInvite {
  @ApiProperty({ type: UserSummary }) user!: UserSummary;
  @ApiProperty({ description: 'My invite to them is pending: asking again sends nothing' }) invited!: boolean;
}

export class FriendsToInvitePage extends PageInfo {
  @ApiProperty({ type: [FriendToInvite] }) items!: FriendToInvite[];
}
