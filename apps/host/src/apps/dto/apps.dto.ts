import { PageInfo } from '../../common/pagination';
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
import { imageFilePart } from '../../albums/image-http';
import { LIMITS } from '../../common/limits';
import { UserSummary } from '../../spaces/user-directory.service';
import { appUrlProblem } from '../app-urls';
import { EVENT_TYPES, type EventType } from '../../events/event-types';
import {
  APP_CATEGORIES,
  type AppCategory,
  type AppStatus,
  type ClientType,
  UPLOADED_ICON_URL,
} from '../apps.service';
import { SCOPES, type Scope } from '../scopes';
import { LISTING_FIELDS, type ListingField } from '../version-diff';
import type { VersionStatus } from '../version-lifecycle';

const APP_STATUSES: AppStatus[] = ['development', 'published', 'suspended'];
const VERSION_STATUSES: VersionStatus[] = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'published',
  'superseded',
];

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

export class ScopeResponse {
  @ApiProperty({ enum: SCOPES }) scope!: Scope;
  @ApiProperty({ description: 'What the scope lets the app do, in plain words' }) description!: string;
}

/** The icon upload's multipart body: the image alone. */
export const ICON_UPLOAD_SCHEMA = {
  type: 'object' as const,
  required: ['file'],
  properties: { file: imageFilePart(LIMITS.appIconFileBytes) },
};

export class AppResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, nullable: true }) iconUrl!: string | null;
  @ApiProperty({ enum: APP_CATEGORIES }) category!: AppCategory;
  @ApiProperty({ type: [String] }) redirectUris!: string[];
  @ApiProperty({ enum: SCOPES, isArray: true }) scopes!: Scope[];
  @ApiProperty({ enum: SCOPES, isArray: true }) optionalScopes!: Scope[];
  @ApiProperty({ type: String, nullable: true }) webhookUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) canvasUrl!: string | null;
  @ApiProperty({ enum: EVENT_TYPES, isArray: true }) events!: EventType[];
  @ApiProperty({ type: String, nullable: true, description: 'Set for a built-in app (a plugin)' })
  pluginId!: string | null;
  @ApiProperty({ enum: ['confidential', 'public'] }) clientType!: ClientType;
  @ApiProperty({
    enum: APP_STATUSES,
    description:
      'development: nothing published yet, only its developer and testers can use it (with the newest ' +
      "version's manifest); published: users get the published version; suspended: nobody can use it",
  })
  status!: AppStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why an admin suspended it' })
  statusReason!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The version users get' })
  publishedVersion!: number | null;
  @ApiProperty({ type: UserSummary }) developer!: UserSummary;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class AppListResponse {
  @ApiProperty({ type: [AppResponse] }) items!: AppResponse[];
}

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

export class AppManifestResponse {
  @ApiProperty({ type: String, nullable: true }) versionName!: string | null;
  @ApiProperty({ enum: SCOPES, isArray: true }) scopes!: Scope[];
  @ApiProperty({ enum: SCOPES, isArray: true }) optionalScopes!: Scope[];
  @ApiProperty({ enum: EVENT_TYPES, isArray: true }) events!: EventType[];
  @ApiProperty({ type: String, nullable: true }) canvasUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) pluginId!: string | null;
  @ApiProperty({ type: String, nullable: true }) webhookUrl!: string | null;
  @ApiProperty({ type: [String] }) redirectUris!: string[];
}

export class AppVersionResponse {
  @ApiProperty({ format: 'uuid' }) appId!: string;
  @ApiProperty({ minimum: 1 }) number!: number;
  @ApiProperty({ type: AppManifestResponse }) manifest!: AppManifestResponse;
  @ApiProperty({
    enum: VERSION_STATUSES,
    description:
      'draft → submitted → approved | rejected; approved → published; a published version becomes ' +
      'superseded when a newer one is published',
  })
  status!: VersionStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why an admin rejected it' })
  statusReason!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'What the developer told the reviewer when submitting it',
  })
  submitNote!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
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

export class SubmittedVersionResponse {
  @ApiProperty({ type: AppResponse }) app!: AppResponse;
  @ApiProperty({ type: AppVersionResponse }) version!: AppVersionResponse;
}

export class SubmittedVersionListResponse extends PageInfo {
  @ApiProperty({ type: [SubmittedVersionResponse] }) items!: SubmittedVersionResponse[];
}

export class AppStatusChangeResponse {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The version that moved; null for the app itself',
  })
  versionNumber!: number | null;
  @ApiProperty({ enum: [...new Set([...VERSION_STATUSES, ...APP_STATUSES])] }) fromStatus!: string;
  @ApiProperty({ enum: [...new Set([...VERSION_STATUSES, ...APP_STATUSES])] }) toStatus!: string;
  @ApiProperty({ type: UserSummary, nullable: true }) actor!: UserSummary | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
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

export class AdminAppResponse {
  @ApiProperty({ type: AppResponse }) app!: AppResponse;
  @ApiProperty({ type: [AppVersionResponse], description: 'Newest first' }) versions!: AppVersionResponse[];
  @ApiProperty({ type: [AppStatusChangeResponse] }) history!: AppStatusChangeResponse[];
}

export class AdminAppQuery {
  @ApiPropertyOptional({ enum: APP_STATUSES })
  @IsOptional()
  @IsIn(APP_STATUSES)
  status?: AppStatus;
}

/** An app as a user who authorized it sees it. */
export class AuthorizedAppResponse {
  @ApiProperty({ format: 'uuid' }) appId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) iconUrl!: string | null;
  @ApiProperty({ description: "The developer's name" }) developerName!: string;
  @ApiProperty({ type: [ScopeResponse], description: 'What the user allowed it' }) scopes!: ScopeResponse[];
  @ApiProperty({ format: 'date-time' }) authorizedAt!: string;
}

export class AuthorizedAppListResponse {
  @ApiProperty({ type: [AuthorizedAppResponse] }) items!: AuthorizedAppResponse[];
}

export class ScopeListChange {
  @ApiProperty({ enum: SCOPES, isArray: true }) added!: Scope[];
  @ApiProperty({ enum: SCOPES, isArray: true }) removed!: Scope[];
}

export class EventListChange {
  @ApiProperty({ enum: EVENT_TYPES, isArray: true }) added!: EventType[];
  @ApiProperty({ enum: EVENT_TYPES, isArray: true }) removed!: EventType[];
}

export class StringListChange {
  @ApiProperty({ type: [String] }) added!: string[];
  @ApiProperty({ type: [String] }) removed!: string[];
}

export class ValueChangeResponse {
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty({ type: String, nullable: true }) to!: string | null;
}

export class ListingChangeResponse extends ValueChangeResponse {
  @ApiProperty({ enum: LISTING_FIELDS }) field!: ListingField;
}

export class VersionDiffResponse {
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'The published version compared against; null while nothing is published (everything is added)',
  })
  baseVersion!: number | null;
  @ApiProperty({
    type: ScopeListChange,
    description: 'Scopes every user must grant; a scope that became optional is removed here and added there',
  })
  requiredScopes!: ScopeListChange;
  @ApiProperty({ type: ScopeListChange, description: 'Scopes a user may untick' })
  optionalScopes!: ScopeListChange;
  @ApiProperty({ type: EventListChange }) events!: EventListChange;
  @ApiProperty({ type: StringListChange }) redirectUris!: StringListChange;
  @ApiProperty({ type: ValueChangeResponse, nullable: true, description: 'null: unchanged' })
  canvasUrl!: ValueChangeResponse | null;
  @ApiProperty({ type: ValueChangeResponse, nullable: true, description: 'null: unchanged' })
  webhookUrl!: ValueChangeResponse | null;
  @ApiProperty({ type: ValueChangeResponse, nullable: true, description: 'null: unchanged' })
  versionName!: ValueChangeResponse | null;
  @ApiProperty({
    type: [ListingChangeResponse],
    description:
      'How the listing now differs from when the published version was published (listings change at ' +
      'once, without review, so this is the same for every version)',
  })
  listing!: ListingChangeResponse[];
}
