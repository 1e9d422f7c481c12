import {
  ApiProperty,
  ApiPropertyOptional,
  IntersectionType,
  OmitType,
  PartialType,
  PickType,
} from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  registerDecorator,
  ValidateIf,
  ValidationArguments,
} from 'class-validator';
import { RegisterRequest } from '../../accounts/dto/accounts.dto';
import { imageFilePart } from '../../images/image-http';
import { LIMITS } from '../../common/limits';
import { UserSummary } from '../../profiles/user-directory.service';
import { UPLOADED_ICON_URL } from '../app-icons';
import { APP_CATEGORIES, type AppCategory } from '../app-manifest';
import { appUrlProblem } from '../app-urls';
import { EVENT_TYPES, type EventType } from '../../events/event-types';
import type { ClientType } from '../registered-app';
import { SCOPES, type Scope } from '../scopes';
import { AppResponse } from './app.dto';
import { AppStatusChangeResponse, AppVersionResponse } from './app-version.dto';

/**
 * A URL an app registers: see `appUrlProblem` for the rules; with `each`, every element of an array.
 * A value that is not a string passes here: `IsString` reports it.
 */
function IsAppUrl(options: { each?: boolean } = {}): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAppUrl',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || appUrlProblem(value) === null,
        // With `each`, class-validator hands the whole array here: name the first element that breaks a rule.
        defaultMessage: (args?: ValidationArguments) => {
          const problemOf = (value: unknown) => (typeof value === 'string' ? appUrlProblem(value) : null);
          if (!Array.isArray(args?.value)) return `${args?.property} ${problemOf(args?.value)}`;
          const index = args.value.findIndex((value) => problemOf(value) !== null);
          return `${args.property}[${index}] ${problemOf(args.value[index])}`;
        },
      },
    });
}

/** How the app center lists an app; not reviewed. */
export class AppListingRequest {
  @ApiProperty({ minLength: 1, maxLength: LIMITS.appNameMax })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.appNameMax)
  name!: string;

  @ApiPropertyOptional({ maxLength: LIMITS.appDescriptionMax, default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.appDescriptionMax)
  description?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: LIMITS.urlMax,
    description:
      'An https URL, or the URL of the icon uploaded with PUT /developer/apps/{appId}/icon (kept as it is)',
  })
  @IsOptional()
  // The uploaded icon's own URL is relative; the service checks that it is this app's.
  @ValidateIf((_, value) => typeof value !== 'string' || !UPLOADED_ICON_URL.test(value))
  @IsString()
  @MaxLength(LIMITS.urlMax)
  @IsAppUrl()
  iconUrl?: string | null;

  @ApiProperty({ enum: APP_CATEGORIES })
  @IsIn(APP_CATEGORIES)
  category!: AppCategory;
}

/** What a version asks for; reviewed before users get it. */
export class AppManifestRequest {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 40,
    description: 'A label such as "1.2.0"',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  versionName?: string | null;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: LIMITS.appRedirectUrisMax,
    description:
      'Exact URIs the authorization server may send users back to: https, or http on loopback ' +
      '(where any port is accepted at authorization time, RFC 8252)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.appRedirectUrisMax)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(LIMITS.urlMax, { each: true })
  @IsAppUrl({ each: true })
  redirectUris!: string[];

  @ApiProperty({ enum: SCOPES, isArray: true, minItems: 1, description: 'Every scope the app may ask for' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(SCOPES, { each: true })
  scopes!: Scope[];

  @ApiPropertyOptional({
    enum: SCOPES,
    isArray: true,
    description: 'The part of `scopes` a user may untick on the consent page; the rest are required',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(SCOPES, { each: true })
  optionalScopes?: Scope[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: LIMITS.urlMax,
    description:
      'Where events are delivered (https); addresses that resolve to loopback, private or link-local ' +
      'networks are refused outside development mode',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.urlMax)
  @IsAppUrl()
  webhookUrl?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: LIMITS.urlMax,
    description: 'The page the app center opens, with a launch token (https, or http on loopback)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.urlMax)
  @IsAppUrl()
  canvasUrl?: string | null;

  @ApiPropertyOptional({
    enum: EVENT_TYPES,
    isArray: true,
    description:
      'The event types the app receives (webhook or plugin); events of other types are not sent to it ' +
      'and not recorded for it',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(EVENT_TYPES, { each: true })
  events?: EventType[];
}

/**
 * A draft edit names only what changes: a field left out stays as it was. Fields that may be null
 * (versionName, webhookUrl, canvasUrl) are cleared with null; the others refuse it.
 */
export class EditAppVersionRequest extends PartialType(AppManifestRequest, { skipNullProperties: false }) {}

export class AppDetailsRequest extends IntersectionType(AppListingRequest, AppManifestRequest) {}

export class CreateAppRequest extends AppDetailsRequest {
  @ApiPropertyOptional({
    enum: ['confidential', 'public'],
    default: 'confidential',
    description: 'confidential: a server that can keep a secret; public: a browser or mobile app (PKCE only)',
  })
  @IsOptional()
  @IsIn(['confidential', 'public'])
  clientType?: ClientType;
}

/** The icon upload's multipart body: the image alone. */
export const ICON_UPLOAD_SCHEMA = {
  type: 'object' as const,
  required: ['file'],
  properties: { file: imageFilePart(LIMITS.appIconFileBytes) },
};

export class CreatedAppResponse {
  @ApiProperty({ type: AppResponse }) app!: AppResponse;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Shown only now and stored only as a hash; null for a public client',
  })
  clientSecret!: string | null;
}

export class ClientSecretResponse {
  @ApiProperty({ description: 'The new secret, shown only now; the old one stopped working' })
  clientSecret!: string;
}

export class TesterResponse {
  @ApiProperty({ type: UserSummary }) user!: UserSummary;
  @ApiProperty({ format: 'date-time' }) addedAt!: string;
}

/** A tester named the way people know each other: by username (any letter case). */
export class AddTesterRequest extends PickType(RegisterRequest, ['username'] as const) {}

export class TesterListResponse {
  @ApiProperty({ type: [TesterResponse] }) items!: TesterResponse[];
}

export class SubmitVersionRequest {
  @ApiPropertyOptional({
    maxLength: LIMITS.appSubmitNoteMax,
    description: 'For the reviewer: what changed and why, how to try it (trimmed; blank is no note)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.appSubmitNoteMax)
  note?: string;
}

/** A step in the app's history as its developer sees it: what moved, and why; not which admin moved it. */
export class AppHistoryEntryResponse extends OmitType(AppStatusChangeResponse, ['actor'] as const) {}

export class AppVersionListResponse {
  @ApiProperty({ type: [AppVersionResponse] }) items!: AppVersionResponse[];
  @ApiProperty({
    type: [AppHistoryEntryResponse],
    description: 'Every status change of the app and its versions, oldest first',
  })
  history!: AppHistoryEntryResponse[];
}
