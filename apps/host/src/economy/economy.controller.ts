import { Body, Controller, Get, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, RequireRole, SessionAuth } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { decodeCursor, PageQuery, pageSize, toPage } from '../common/pagination';
import { UserDirectoryService } from '../profiles/user-directory.service';
import { ActivityService } from './activity.service';
import { CoinsService } from './coins.service';
import {
  CoinGrantRequest,
  CoinTransactionResponse,
  CoinTransferRequest,
  InventoryResponse,
  ItemPurchaseRequest,
  ItemPurchaseResponse,
  LevelResponse,
  ShopItemList,
  VipPurchaseRequest,
  VipPurchaseResponse,
  VipResponse,
  WalletResponse,
} from './dto/economy.dto';
import { ShopService } from './shop.service';
import { VipService } from './vip.service';

@ApiTags('economy')
@SessionAuth()
@Controller()
export class EconomyController {
  constructor(
    private readonly coins: CoinsService,
    private readonly vip: VipService,
    private readonly shop: ShopService,
    private readonly activity: ActivityService,
    private readonly directory: UserDirectoryService,
  ) {}

  @Get('wallet')
  @Endpoint({
    operationId: 'getWallet',
    summary: 'My coin balance and ledger entries, newest first',
    response: WalletResponse,
  })
  async wallet(@CurrentUser() viewer: AuthUser, @Query() query: PageQuery): Promise<WalletResponse> {
    const limit = pageSize(query);
    const [balance, rows] = await Promise.all([
      this.coins.balance(viewer.id),
      this.coins.entries(viewer.id, limit, decodeCursor(query.cursor)),
    ]);
    const people = await this.directory.summaries(rows.flatMap((row) => row.counterparty_id ?? []));
    const page = toPage(rows, limit, (row) => ({
      id: row.id,
      transactionId: row.transaction_id,
      kind: row.kind,
      amount: Number(row.amount),
      counterparty: row.counterparty_id ? (people.get(row.counterparty_id) ?? null) : null,
      memo: row.memo,
      createdAt: new Date(row.created_at).toISOString(),
    }));
    return { balance, ...page };
  }

  @Post('wallet/transfers')
  @Endpoint({
    operationId: 'transferCoins',
    summary: 'Send coins to another user (idempotent by key)',
    response: CoinTransactionResponse,
    status: HttpStatus.CREATED,
    problems: [404, 409],
  })
  transfer(
    @CurrentUser() viewer: AuthUser,
    @Body() body: CoinTransferRequest,
  ): Promise<CoinTransactionResponse> {
    return this.coins.transfer(viewer.id, body.toUserId.toLowerCase(), body);
  }

  @Post('admin/users/:userId/coin-grants')
  @RequireRole('admin')
  @Endpoint({
    operationId: 'grantCoins',
    summary: 'Give a user new coins (admins only; stands in for top-up; idempotent by key)',
    response: CoinTransactionResponse,
    status: HttpStatus.CREATED,
    problems: [403, 404, 409],
  })
  grant(
    @CurrentUser() viewer: AuthUser,
    @Param('userId', ParseIdPipe) userId: string,
    @Body() body: CoinGrantRequest,
  ): Promise<CoinTransactionResponse> {
    return this.coins.grant(viewer.id, userId, body);
  }

  @Get('vip')
  @Endpoint({
    operationId: 'getMyVip',
    summary: 'My yellow-diamond membership, its price and my storage quota',
    response: VipResponse,
  })
  vipStatus(@CurrentUser() viewer: AuthUser): Promise<VipResponse> {
    return this.vip.status(viewer.id);
  }

  @Post('vip/purchases')
  @Endpoint({
    operationId: 'purchaseVip',
    summary: 'Buy months of yellow diamond with coins (extends a running membership; idempotent by key)',
    response: VipPurchaseResponse,
    status: HttpStatus.CREATED,
    problems: [409],
  })
  purchaseVip(
    @CurrentUser() viewer: AuthUser,
    @Body() body: VipPurchaseRequest,
  ): Promise<VipPurchaseResponse> {
    return this.vip.purchase(viewer.id, body.months, body.idempotencyKey);
  }

  @Get('shop/items')
  @Endpoint({ operationId: 'listShopItems', summary: 'The decoration item catalog', response: ShopItemList })
  async items(@CurrentUser() viewer: AuthUser): Promise<ShopItemList> {
    return { items: await this.shop.catalog(viewer.id) };
  }

  @Post('shop/items/:itemId/purchases')
  @Endpoint({
    operationId: 'purchaseShopItem',
    summary: 'Buy a decoration item with coins (idempotent by key)',
    response: ItemPurchaseResponse,
    status: HttpStatus.CREATED,
    problems: [403, 404, 409],
  })
  purchaseItem(
    @CurrentUser() viewer: AuthUser,
    @Param('itemId', ParseIdPipe) itemId: string,
    @Body() body: ItemPurchaseRequest,
  ): Promise<ItemPurchaseResponse> {
    return this.shop.purchase(viewer.id, itemId, body.idempotencyKey);
  }

  @Get('inventory')
  @Endpoint({
    operationId: 'listInventory',
    summary: 'The decoration items I own',
    response: InventoryResponse,
  })
  async inventory(@CurrentUser() viewer: AuthUser): Promise<InventoryResponse> {
    return { items: await this.shop.inventory(viewer.id) };
  }

  @Get('level')
  @Endpoint({
    operationId: 'getMyLevel',
    summary: "My level, activity points, and today's points per activity against its daily cap",
    response: LevelResponse,
  })
  level(@CurrentUser() viewer: AuthUser): Promise<LevelResponse> {
    return this.activity.details(viewer.id);
  }
}
