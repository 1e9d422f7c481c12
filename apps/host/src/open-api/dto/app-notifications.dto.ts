import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { LIMITS } from '../../common/limits';

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

  @ApiPropertyOptional({ format: 'uri', maxLength: LIMITS.urlMax, description: 'An https link to open' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.urlMax)
  @IsUrl(
    { protocols: ['https'], require_protocol: true, disallow_auth: true },
    { message: 'link must be an https URL' },
  )
  link?: string;
}
