import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { LIMITS } from '../../common/limits';
import { PageInfo, PageQuery } from '../../common/pagination';
import { GiftThanks } from '../../gifts/dto/gifts.dto';
import { OptionalHttpsUrl } from './open-api.dto';

export class SendGiftRequest {
  @ApiProperty({ description: 'The openid of an app friend of the user' })
  @IsString()
  @MaxLength(128)
  to!: string;

  @ApiProperty({ minLength: 1, maxLength: LIMITS.giftNameMax, description: 'What the gift is, e.g. "Rose"' })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.giftNameMax)
  name!: string;

  @OptionalHttpsUrl('imageUrl', 'An https image')
  imageUrl?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.giftMessageMax, description: 'Plain text from the sender' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.giftMessageMax)
  message?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: LIMITS.coinAmountMax,
    description: 'What the gift cost in coins (shown, never charged: charge with an order)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(LIMITS.coinAmountMax)
  price?: number;

  @ApiPropertyOptional({
    maxLength: LIMITS.idempotencyKeyMax,
    description:
      'The order that paid for the gift: one gift per order, so sending again with the same order ' +
      'returns the gift already sent',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[\x21-\x7e]{1,100}$/, { message: 'orderId must be 1 to 100 printable ASCII characters' })
  orderId?: string;
}

export class ThankGiftRequest {
  @ApiProperty({ minLength: 1, maxLength: LIMITS.giftMessageMax, description: 'Plain text' })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.giftMessageMax)
  message!: string;
}

export const GIFT_BOXES = ['received', 'sent'] as const;

export class GiftListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: GIFT_BOXES, default: 'received' })
  @IsOptional()
  @IsIn(GIFT_BOXES)
  box?: (typeof GIFT_BOXES)[number];
}

/** A gift as the app that sent it sees it: people as openids. */
export class OpenGift {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: "The sender's openid; null once they left" })
  from!: string | null;
  @ApiProperty({ description: "The recipient's openid" }) to!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) imageUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) message!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) price!: number | null;
  @ApiProperty({ type: String, nullable: true }) orderId!: string | null;
  @ApiProperty({ type: GiftThanks, nullable: true }) thanks!: GiftThanks | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class OpenGiftPage extends PageInfo {
  @ApiProperty({ type: [OpenGift], description: 'Newest first' }) items!: OpenGift[];
}
