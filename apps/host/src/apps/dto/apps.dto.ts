import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  ValidationArguments,
} from 'class-validator';
import { LIMITS } from '../../common/limits';
import { UserSummary } from '../../spaces/user-directory.service';
import { appUrlProblem } from '../app-urls';
import { APP_CATEGORIES, type AppCategory, type AppStatus, type ClientType } from '../apps.service';
import { SCOPES, type Scope } from '../scopes';

const APP_STATUSES: AppStatus[] = ['development', 'approved', 'rejected', 'suspended'];

/** A URL an app registers: see `appUrlProblem` for the rules; applies to each element of an array. */
function IsAppUrl(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAppUrl',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { each: true },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && appUrlProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property} ${typeof args?.value === 'string' ? (appUrlProblem(args.value) ?? '') : 'must be a URL'}`,
      },
    });
}

export class AppDetailsRequest {
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

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: LIMITS.urlMax, description: 'https URL' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.urlMax)
  @IsAppUrl()
  iconUrl?: string | null;

  @ApiProperty({ enum: APP_CATEGORIES })
  @IsIn(APP_CATEGORIES)
  category!: AppCategory;

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
  @IsAppUrl()
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
    description: 'Where events are delivered (https)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.urlMax)
  @IsAppUrl()
  webhookUrl?: string | null;
}

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
  @ApiProperty({ enum: ['confidential', 'public'] }) clientType!: ClientType;
  @ApiProperty({
    enum: APP_STATUSES,
    description: 'development: only its developer and testers can use it, until an admin approves it',
  })
  status!: AppStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why an admin rejected or suspended it' })
  statusReason!: string | null;
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

export class TesterListResponse {
  @ApiProperty({ type: [TesterResponse] }) items!: TesterResponse[];
}

export class AppStatusChangeResponse {
  @ApiProperty({ enum: APP_STATUSES }) fromStatus!: AppStatus;
  @ApiProperty({ enum: APP_STATUSES }) toStatus!: AppStatus;
  @ApiProperty({ type: UserSummary, nullable: true }) actor!: UserSummary | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AdminAppResponse {
  @ApiProperty({ type: AppResponse }) app!: AppResponse;
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
