import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { LIMITS } from '../../common/limits';
import { PRIVACY_LEVELS, type PrivacyLevel } from '../../common/privacy-level';
import { ROLES, type Role } from '../user.entity';

/** The rules a password must meet when it is chosen: at registration and when it is changed. */
const IsNewPassword = () =>
  applyDecorators(
    ApiProperty({ minLength: LIMITS.passwordMin, maxLength: LIMITS.passwordMax }),
    IsString(),
    MinLength(LIMITS.passwordMin),
    MaxLength(LIMITS.passwordMax),
  );

export class RegisterRequest {
  @ApiProperty({
    minLength: LIMITS.usernameMin,
    maxLength: LIMITS.usernameMax,
    pattern: '^[A-Za-z0-9_.-]+$',
    example: 'xiaoming',
  })
  @IsString()
  @MinLength(LIMITS.usernameMin)
  @MaxLength(LIMITS.usernameMax)
  @Matches(/^[A-Za-z0-9_.-]+$/, { message: 'username may use letters, digits, "_", "." and "-"' })
  username!: string;

  @IsNewPassword()
  password!: string;
}

export class LoginRequest {
  @ApiProperty({ maxLength: LIMITS.usernameMax })
  @IsString()
  @MaxLength(LIMITS.usernameMax)
  username!: string;

  @ApiProperty({ maxLength: LIMITS.passwordMax })
  @IsString()
  @MaxLength(LIMITS.passwordMax)
  password!: string;
}

export class ChangePasswordRequest {
  @ApiProperty({ maxLength: LIMITS.passwordMax })
  @IsString()
  @MaxLength(LIMITS.passwordMax)
  currentPassword!: string;

  @IsNewPassword()
  newPassword!: string;
}

export class SetRolesRequest {
  @ApiProperty({ enum: ROLES, isArray: true, description: 'Everyone keeps the user role' })
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];
}

export class AccountResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    enum: PRIVACY_LEVELS,
    description: 'The audience preselected for my new posts (PATCH /account/settings)',
  })
  defaultPrivacy!: PrivacyLevel;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'My friend groups preselected with "groups"; empty for every other level',
  })
  defaultGroupIds!: string[];
}

export class SessionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) lastUsedAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ description: 'True for the session making this request' }) current!: boolean;
}

export class SignedInResponse {
  @ApiProperty({
    description: 'The session token: also set as an httpOnly cookie; send it as a Bearer token from scripts',
  })
  token!: string;
  @ApiProperty({ type: AccountResponse }) account!: AccountResponse;
  @ApiProperty({ type: SessionResponse }) session!: SessionResponse;
}

export class SessionListResponse {
  @ApiProperty({ type: [SessionResponse] }) items!: SessionResponse[];
}
