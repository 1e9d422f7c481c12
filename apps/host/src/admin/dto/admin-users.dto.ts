import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../accounts/user.entity';
import { LIMITS } from '../../common/limits';
import { PageInfo, PageQuery } from '../../common/pagination';
import { UserSummary } from '../../profiles/user-directory.service';
import { PeopleSearchText } from '../../spaces/dto/people.dto';

export class AdminUserQuery extends PageQuery {
  @PeopleSearchText({ required: false })
  q?: string;
}

export class SuspendUserRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: LIMITS.suspensionReasonMax,
    description: 'Why: for admins and the audit log (the user is told only that the account is suspended)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.suspensionReasonMax)
  reason!: string;
}

export class UnsuspendUserRequest {
  @ApiPropertyOptional({ maxLength: LIMITS.suspensionReasonMax, description: 'Recorded in the audit log' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.suspensionReasonMax)
  reason?: string;
}

export class UserSuspension {
  @ApiProperty({ format: 'date-time' }) suspendedAt!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: UserSummary, nullable: true, description: 'The admin; null if the account is gone' })
  suspendedBy!: UserSummary | null;
}

/** A user as admins see them: how others see them, plus roles and standing. */
export class AdminUserResponse extends UserSummary {
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: UserSuspension, nullable: true, description: 'null unless the account is suspended' })
  suspension!: UserSuspension | null;
}

export class AdminUserPage extends PageInfo {
  @ApiProperty({ type: [AdminUserResponse] }) items!: AdminUserResponse[];
}
