import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, ValidateBy } from 'class-validator';
import { LIMITS } from '../../common/limits';
import { JSON_VALUE_SCHEMA } from './open-api.dto';

export class CreateReminderRequest {
  @ApiProperty({
    format: 'date-time',
    description: `When the app wants the app.reminder event: from now to ${LIMITS.reminderMaxDaysAhead} days ahead`,
  })
  @IsISO8601({ strict: true })
  at!: string;

  @ApiProperty({
    ...JSON_VALUE_SCHEMA,
    description: `Any JSON value (at most ${LIMITS.reminderDataBytes} bytes serialized), handed back in the event`,
  })
  @ValidateBy({
    name: 'isPresent',
    validator: {
      validate: (value: unknown) => value !== undefined,
      defaultMessage: () => 'data is required',
    },
  })
  data!: unknown;
}

export class ReminderResponse {
  @ApiProperty({ format: 'uuid', description: 'The reminderId the app.reminder event carries' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}
