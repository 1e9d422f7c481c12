import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { LIMITS } from '../../common/limits';
import { OptionalHttpsUrl } from './open-api.dto';

export class SendNotificationRequest {
  @ApiProperty({ description: 'The openid of an app friend of the user' })
  @IsString()
  @MaxLength(128)
  to!: string;

  @ApiProperty({ minLength: 1, maxLength: LIMITS.appNotificationTextMax, description: 'Plain text' })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.appNotificationTextMax)
  text!: string;

  @OptionalHttpsUrl('link', 'An https link to open')
  link?: string;
}
