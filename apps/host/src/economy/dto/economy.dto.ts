import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { LIMITS } from '../../common/limits';
import { PageInfo } from '../../common/pagination';
import { UserSummary } from '../../profiles/user-directory.service';
import {
  ACTIVITIES,
  COIN_TRANSACTION_KINDS,
  type Activity,
  type CoinTransactionKind,
} from '../economy.rules';

const SHOP_ITEM_KINDS = ['theme', 'skin', 'music'] as const;
export type ShopItemKind = (typeof SHOP_ITEM_KINDS)[number];

/** Printable ASCII without spaces, so a key survives logs and copy-paste unchanged. */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]+$/;

// ── requests ─────────────────────────────────────────────────────────────

/** Every request that moves coins carries a key of the client's choosing; a retry sends the same key. */
export class IdempotentRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: LIMITS.idempotencyKeyMax,
    example: '0b8f9a52-2f7c-4a53-9f0e-6a3c1d2e4f50',
    description:
      'Chosen by the client, unique per request of this user (a UUID works). Sending the same request again with the same key returns the first result and moves no coins; the same key with a different request is refused (409).',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.idempotencyKeyMax)
  @Matches(IDEMPOTENCY_KEY, { message: 'idempotencyKey must be printable ASCII without spaces' })
  idempotencyKey!: string;
}

class CoinAmountRequest extends IdempotentRequest {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: LIMITS.coinAmountMax, description: 'Coins' })
  @IsInt()
  @Min(1)
  @Max(LIMITS.coinAmountMax)
  amount!: number;

  @ApiPropertyOptional({ maxLength: LIMITS.coinMemoMax, description: 'Shown to both sides' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.coinMemoMax)
  memo?: string;
}

export class CoinGrantRequest extends CoinAmountRequest {}

export class CoinTransferRequest extends CoinAmountRequest {
  @ApiProperty({ format: 'uuid', description: 'Who receives the coins' })
  @IsUUID()
  toUserId!: string;
}

export class VipPurchaseRequest extends IdempotentRequest {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: LIMITS.vipMonthsMax, description: 'Months to buy' })
  @IsInt()
  @Min(1)
  @Max(LIMITS.vipMonthsMax)
  months!: number;
}

export class ItemPurchaseRequest extends IdempotentRequest {}

// ── responses ────────────────────────────────────────────────────────────

export class CoinTransactionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: COIN_TRANSACTION_KINDS }) kind!: CoinTransactionKind;
  @ApiProperty({ type: 'integer', description: 'Coins moved' }) amount!: number;
  @ApiProperty({ type: UserSummary, nullable: true, description: 'Null when the coins came from the system' })
  from!: UserSummary | null;
  @ApiProperty({ type: UserSummary, nullable: true, description: 'Null when the coins went to the system' })
  to!: UserSummary | null;
  @ApiProperty({ type: String, nullable: true }) memo!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class WalletEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) transactionId!: string;
  @ApiProperty({ enum: COIN_TRANSACTION_KINDS }) kind!: CoinTransactionKind;
  @ApiProperty({ type: 'integer', description: 'Coins in (positive) or out (negative) of my wallet' })
  amount!: number;
  @ApiProperty({ type: UserSummary, nullable: true, description: 'The other user, if any' })
  counterparty!: UserSummary | null;
  @ApiProperty({ type: String, nullable: true }) memo!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class WalletResponse extends PageInfo {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Coins, the sum of my ledger entries' })
  balance!: number;
  @ApiProperty({ type: [WalletEntryResponse], description: 'My ledger entries, newest first' })
  items!: WalletEntryResponse[];
}

export class VipBadge {
  @ApiProperty({ description: 'Whether the membership is running now' }) active!: boolean;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 7, description: 'Yellow-diamond level' })
  level!: number;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class VipResponse {
  @ApiProperty({ type: VipBadge, nullable: true, description: 'Null for someone who was never a member' })
  membership!: VipBadge | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Start of the current run of continuous membership',
  })
  since!: string | null;
  @ApiProperty({
    type: 'integer',
    description: 'Months of continuous membership served (the running month counts)',
  })
  continuousMonths!: number;
  @ApiProperty({ type: 'integer', description: 'Coins per month' }) pricePerMonth!: number;
  @ApiProperty({ type: 'integer', description: 'Album storage this user has now' })
  storageQuotaBytes!: number;
}

export class VipPurchaseResponse {
  @ApiProperty({ type: CoinTransactionResponse }) transaction!: CoinTransactionResponse;
  @ApiProperty({ type: 'integer' }) months!: number;
  @ApiProperty({ type: VipBadge, description: 'The membership right after the purchase' })
  membership!: VipBadge;
}

export class ShopItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SHOP_ITEM_KINDS, description: 'Themes and skins both dress the space (its themeId)' })
  kind!: ShopItemKind;
  @ApiProperty({ description: 'For themes and skins, the themeId to apply to a space' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Coins; 0 is free' }) price!: number;
  @ApiProperty({ description: 'Only yellow-diamond members may buy and use it' }) vipOnly!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'For music' }) musicUrl!: string | null;
  @ApiProperty({ description: 'Whether I own it' }) owned!: boolean;
}

export class ShopItemList {
  @ApiProperty({ type: [ShopItemResponse] }) items!: ShopItemResponse[];
}

export class ItemPurchaseResponse {
  @ApiProperty({ type: ShopItemResponse }) item!: ShopItemResponse;
  @ApiProperty({
    type: CoinTransactionResponse,
    nullable: true,
    description: 'Null for a free item: nothing moved',
  })
  transaction!: CoinTransactionResponse | null;
  @ApiProperty({ format: 'date-time' }) acquiredAt!: string;
}

export class InventoryEntry {
  @ApiProperty({ type: ShopItemResponse }) item!: ShopItemResponse;
  @ApiProperty({ format: 'date-time' }) acquiredAt!: string;
}

export class InventoryResponse {
  @ApiProperty({ type: [InventoryEntry], description: 'What I own, latest first' }) items!: InventoryEntry[];
}

export class LevelBadge {
  @ApiProperty({ type: 'integer', minimum: 1 }) level!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Activity points earned in total' })
  points!: number;
}

export class ActivityToday {
  @ApiProperty({ enum: ACTIVITIES }) activity!: Activity;
  @ApiProperty({ type: 'integer', description: 'Points earned today (UTC) by this activity' })
  points!: number;
  @ApiProperty({ type: 'integer', description: 'Points one activity earns' }) pointsEach!: number;
  @ApiProperty({ type: 'integer', description: 'The most this activity earns in a day' }) dailyCap!: number;
}

export class LevelResponse extends LevelBadge {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Points the next level needs; null at the top',
  })
  nextLevelPoints!: number | null;
  @ApiProperty({ type: [ActivityToday] }) today!: ActivityToday[];
}
