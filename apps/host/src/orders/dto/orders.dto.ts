import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { LIMITS } from '../../common/limits';
import { PageInfo } from '../../common/pagination';
import { PLATFORM_SHARE_PERCENT } from '../../economy/economy.rules';

export const ORDER_STATUSES = ['pending', 'paid', 'delivered', 'cancelled', 'expired', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const STATUS_DESCRIPTION =
  'pending → paid → delivered; pending → cancelled (by the user) or expired (unpaid in time); ' +
  'paid → refunded (the app did not confirm delivery in time)';

/** Letters, digits and `. _ : -`: an app's product code. */
const SKU = /^[A-Za-z0-9._:-]+$/;
/** PostgreSQL text cannot hold NUL characters. */
const NO_NUL = /^[^\0]*$/;

/** Whether a metadata value fits: a JSON object within the byte limit, without NUL characters. */
function isSmallJson(value: unknown): boolean {
  let hasNul = false;
  const serialized = JSON.stringify(value, (key, child: unknown) => {
    if (key.includes('\0') || (typeof child === 'string' && child.includes('\0'))) hasNul = true;
    return child;
  });
  return !hasNul && Buffer.byteLength(serialized) <= LIMITS.orderMetadataBytes;
}

// ── requests ─────────────────────────────────────────────────────────────

export class OrderItemRequest {
  @ApiProperty({ minLength: 1, maxLength: LIMITS.orderSkuMax, pattern: SKU.source })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.orderSkuMax)
  @Matches(SKU, { message: 'sku must be letters, digits, ".", "_", ":" or "-"' })
  sku!: string;

  @ApiProperty({ minLength: 1, maxLength: LIMITS.orderItemNameMax, description: 'Shown to the user' })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.orderItemNameMax)
  @Matches(NO_NUL, { message: 'name must not contain NUL characters' })
  name!: string;

  @ApiPropertyOptional({ maxLength: LIMITS.orderItemDescriptionMax, description: 'Shown to the user' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.orderItemDescriptionMax)
  @Matches(NO_NUL, { message: 'description must not contain NUL characters' })
  description?: string;
}

export class CreateOrderRequest {
  @ApiProperty({ type: OrderItemRequest })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => OrderItemRequest)
  item!: OrderItemRequest;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: LIMITS.orderPriceMax, description: 'In coins' })
  @IsInt()
  @Min(1)
  @Max(LIMITS.orderPriceMax)
  price!: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: `The app's own data about the order (a JSON object of at most ${LIMITS.orderMetadataBytes} bytes), returned as sent`,
  })
  @IsOptional()
  @IsObject()
  @ValidateBy({
    name: 'isSmallJson',
    validator: {
      validate: isSmallJson,
      defaultMessage: () =>
        `metadata must be at most ${LIMITS.orderMetadataBytes} bytes of JSON without NUL characters`,
    },
  })
  metadata?: Record<string, unknown>;
}

// ── responses ────────────────────────────────────────────────────────────

export class OrderItem {
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
}

/** What every view of an order shares. */
class OrderBase {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ORDER_STATUSES, description: STATUS_DESCRIPTION }) status!: OrderStatus;
  @ApiProperty({ type: OrderItem }) item!: OrderItem;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'In coins' }) price!: number;
  @ApiProperty({
    format: 'uri',
    description: 'Where the user confirms and pays (a host page); send the user there',
  })
  confirmUrl!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'An order unpaid by then expires' }) expiresAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) paidAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'A paid order whose delivery the app has not confirmed by then is refunded',
  })
  deliveryDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) refundedAt!: string | null;
}

/** An order as its app sees it: the buyer by openid only. */
export class OpenOrder extends OrderBase {
  @ApiProperty({ description: 'The buyer’s openid for this app' }) buyer!: string;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: `The platform's coins of the price (${PLATFORM_SHARE_PERCENT} %, rounded up); the developer gets the rest on delivery`,
  })
  platformShare!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  metadata!: Record<string, unknown> | null;
}

export class OrderApp {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) iconUrl!: string | null;
}

/** An order as its buyer sees it. */
export class MyOrder extends OrderBase {
  @ApiProperty({ type: OrderApp, nullable: true, description: 'Null once the app was deleted' })
  app!: OrderApp | null;
}

export class MyOrderPage extends PageInfo {
  @ApiProperty({ type: [MyOrder], description: 'Newest first' }) items!: MyOrder[];
}

export class OrderTotals {
  @ApiProperty({ type: 'integer' }) pending!: number;
  @ApiProperty({ type: 'integer' }) paid!: number;
  @ApiProperty({ type: 'integer' }) delivered!: number;
  @ApiProperty({ type: 'integer' }) cancelled!: number;
  @ApiProperty({ type: 'integer' }) expired!: number;
  @ApiProperty({ type: 'integer' }) refunded!: number;
  @ApiProperty({ type: 'integer', description: 'Coins of delivered orders' }) deliveredCoins!: number;
  @ApiProperty({ type: 'integer', description: 'What the developer earned from delivered orders' })
  developerCoins!: number;
  @ApiProperty({ type: 'integer', description: 'The platform’s share of delivered orders' })
  platformCoins!: number;
  @ApiProperty({ type: 'integer', description: 'Coins of paid orders awaiting delivery (in escrow)' })
  escrowCoins!: number;
}

export class DeveloperOrderPage extends PageInfo {
  @ApiProperty({ type: [OpenOrder], description: 'Newest first' }) items!: OpenOrder[];
  @ApiProperty({ type: OrderTotals, description: 'Over all of the app’s orders' }) totals!: OrderTotals;
}
