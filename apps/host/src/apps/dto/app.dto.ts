import { ApiProperty } from '@nestjs/swagger';
import { UserSummary } from '../../profiles/user-directory.service';
import { EVENT_TYPES, type EventType } from '../../events/event-types';
import { APP_CATEGORIES, type AppCategory } from '../app-manifest';
import type { AppStatus, ClientType } from '../registered-app';
import { SCOPES, type Scope } from '../scopes';

export const APP_STATUSES: AppStatus[] = ['development', 'published', 'suspended'];

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
