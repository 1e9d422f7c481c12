import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { conflict, notFound, ProblemException } from '../common/problem';
import { CoinsService } from './coins.service';
import type { InventoryEntry, ItemPurchaseResponse, ShopItemResponse } from './dto/economy.dto';
import { SYSTEM_ACCOUNTS } from './economy.rules';
import { LedgerService } from './ledger.service';
import { ShopRepository, type ShopItemRow } from './shop.repository';
import { VipService } from './vip.service';

/** Whether a user may dress their space with a theme or skin, and if not, why. */
export type ThemeAccess = 'usable' | 'unknown' | 'vip_required' | 'not_owned';

export const vipRequired = (detail: string) =>
  new ProblemException(HttpStatus.FORBIDDEN, 'vip_required', detail);
export const itemNotOwned = (detail: string) =>
  new ProblemException(HttpStatus.FORBIDDEN, 'item_not_owned', detail);

function itemResponse(row: ShopItemRow): ShopItemResponse {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    description: row.description,
    price: row.price,
    vipOnly: row.vip_only,
    musicUrl: row.music_url,
    owned: row.owned,
  };
}

/**
 * Decoration items: the catalog (seeded by migration), purchases through the ledger, inventories,
 * and the rule for which themes a user may apply. A priced item must be owned; a VIP-only item also
 * needs a running membership, to buy and to keep using it.
 */
@Injectable()
export class ShopService {
  constructor(
    private readonly repository: ShopRepository,
    private readonly ledger: LedgerService,
    private readonly coins: CoinsService,
    private readonly vip: VipService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async catalog(viewerId: string): Promise<ShopItemResponse[]> {
    return (await this.repository.catalog(viewerId)).map(itemResponse);
  }

  private async item(viewerId: string, itemId: string): Promise<ShopItemRow> {
    const row = await this.repository.item(viewerId, itemId);
    if (!row) throw notFound('Item');
    return row;
  }

  async purchase(userId: string, itemId: string, idempotencyKey: string): Promise<ItemPurchaseResponse> {
    await this.item(userId, itemId);
    return this.ledger.idempotent(userId, idempotencyKey, ['item', itemId], async () => {
      // Locking the wallet serializes this user's purchases, so an item is paid for at most once.
      const wallet = (await this.ledger.lockWallets([userId])).get(userId)!;
      const item = await this.item(userId, itemId);
      if (item.owned) throw conflict('item_already_owned', 'You already own this item');
      if (item.vip_only && !(await this.vip.state(userId))?.active) {
        throw vipRequired('Only yellow-diamond members may buy this item');
      }
      let transaction: ItemPurchaseResponse['transaction'] = null;
      let transactionId: string | null = null;
      if (item.price > 0) {
        await this.ledger.requireFunds(wallet, item.price);
        // The item's name is catalog data; the kind ("theme") would be English prose in every language.
        const posted = await this.ledger.post('item_purchase', userId, item.name, [
          { accountId: wallet, amount: -item.price },
          { accountId: SYSTEM_ACCOUNTS.revenue, amount: item.price },
        ]);
        transaction = await this.coins.transactionResponse(posted, item.price, userId, null, item.name);
        transactionId = posted.id;
      }
      const acquiredAt = this.clock.now();
      await this.repository.addOwned(userId, itemId, transactionId, acquiredAt);
      return {
        response: {
          item: itemResponse({ ...item, owned: true }),
          transaction,
          acquiredAt: acquiredAt.toISOString(),
        },
        transactionId,
      };
    });
  }

  async inventory(userId: string): Promise<InventoryEntry[]> {
    const rows = await this.repository.inventory(userId);
    return rows.map((row) => ({
      item: itemResponse(row),
      acquiredAt: new Date(row.acquired_at).toISOString(),
    }));
  }

  /** Whether the user may use a theme or skin of the catalog now. */
  async themeAccess(userId: string, themeId: string): Promise<ThemeAccess> {
    return this.access(userId, await this.repository.themeByCode(userId, themeId));
  }

  /** Whether the user may play a music item of the catalog on their space now, and its track. */
  async musicAccess(userId: string, itemId: string): Promise<{ access: ThemeAccess; url: string | null }> {
    const item = await this.repository.musicItem(userId, itemId);
    return { access: await this.access(userId, item), url: item?.music_url ?? null };
  }

  /** The one rule for using a catalog item: priced items must be owned, VIP-only ones need VIP now. */
  private async access(userId: string, item: ShopItemRow | undefined): Promise<ThemeAccess> {
    if (!item) return 'unknown';
    if (item.vip_only && !(await this.vip.state(userId))?.active) return 'vip_required';
    if (item.price > 0 && !item.owned) return 'not_owned';
    return 'usable';
  }
}
