import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { InstantParam } from '../../common/instant-param';
import { LIMITS } from '../../common/limits';
import { PageInfo, PageQuery } from '../../common/pagination';
import { UserSummary } from '../../profiles/user-directory.service';
import {
  AUDIT_ACTIONS,
  AUDIT_SUBJECT_TYPES,
  type AuditAction,
  type AuditDetail,
  type AuditSubjectType,
} from '../audit-actions';

export class AuditLogQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only actions of this admin' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ enum: AUDIT_SUBJECT_TYPES })
  @IsOptional()
  @IsIn(AUDIT_SUBJECT_TYPES)
  subjectType?: AuditSubjectType;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: LIMITS.auditSubjectIdMax,
    description: 'Only actions on this subject (an id, or a plugin name)',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.auditSubjectIdMax)
  subjectId?: string;

  @InstantParam('Only actions at or after this time')
  from?: string;

  @InstantParam('Only actions before this time')
  to?: string;
}

export class AuditEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The admin who acted' }) actorId!: string;
  @ApiProperty({ type: UserSummary, nullable: true, description: 'The admin; null if the account is gone' })
  actor!: UserSummary | null;
  @ApiProperty({ enum: AUDIT_ACTIONS, description: 'A stable code of what was done' }) action!: AuditAction;
  @ApiProperty({ enum: AUDIT_SUBJECT_TYPES }) subjectType!: AuditSubjectType;
  @ApiProperty({ description: 'The id of what it was done to (a plugin: its name)' }) subjectId!: string;
  @ApiProperty({
    type: UserSummary,
    nullable: true,
    description: 'The user acted on, when the subject is a user (null otherwise, or if the account is gone)',
  })
  subjectUser!: UserSummary | null;
  @ApiProperty({ type: String, nullable: true, description: 'The reason the admin gave' })
  reason!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Facts of the action, by action: e.g. `version`, `roles` and `previousRoles`, `amount`',
  })
  details!: Record<string, AuditDetail>;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AuditEntryPage extends PageInfo {
  @ApiProperty({ type: [AuditEntryResponse] }) items!: AuditEntryResponse[];
}
