import { ApiProperty } from '@nestjs/swagger';
import { UserSummary } from '../../profiles/user-directory.service';
import { EVENT_TYPES, type EventType } from '../../events/event-types';
import { SCOPES, type Scope } from '../scopes';
import { LISTING_FIELDS, type ListingField } from '../version-diff';
import type { VersionStatus } from '../version-lifecycle';
import { APP_STATUSES } from './app.dto';

export const VERSION_STATUSES: VersionStatus[] = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'published',
  'superseded',
];

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
