import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { LIMITS } from '../../common/limits';

export class PluginFailureResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'What went wrong, e.g. "timed out: did not finish within 5000 ms"' })
  error!: string;
}

/** A built-in plugin as admins see it: its circuit breaker and recent failures. */
export class PluginStatusResponse {
  @ApiProperty({ example: 'polls' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '1.0.0' }) version!: string;
  @ApiProperty({ format: 'uuid', description: 'The app the plugin is registered as' }) appId!: string;
  @ApiProperty({ enum: ['enabled', 'disabled'] }) status!: 'enabled' | 'disabled';
  @ApiProperty({ description: 'Failed calls since the last success' }) consecutiveFailures!: number;
  @ApiProperty({ type: [PluginFailureResponse], description: 'Newest first' })
  recentFailures!: PluginFailureResponse[];
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastFailureAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the breaker tripped or an admin disabled it',
  })
  disabledAt!: string | null;
  @ApiProperty({ type: String, enum: ['breaker', 'admin'], nullable: true })
  disabledBy!: 'breaker' | 'admin' | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The failure that tripped the breaker, or the admin's reason",
  })
  disabledReason!: string | null;
}

export class PluginListResponse {
  @ApiProperty({ type: [PluginStatusResponse] }) items!: PluginStatusResponse[];
}

export class DisablePluginRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: LIMITS.pluginReasonMax,
    description: 'Why: shown to other admins and in the 503 answers, recorded in the audit log',
  })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(LIMITS.pluginReasonMax)
  reason!: string;
}
