import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRows, sqlRun } from '../database/sql';
import type { ShopItemKind } from './dto/economy.dto';

/** A catalog item, and whether the viewer the query was asked for owns it. */
export interface ShopItemRow {
  id: string;
  kind: ShopItemKind;
  code: string;
  name: string;
  description: string;
  price: number;
  vip_only: boolean;
  music_url: string | null;
  owned: boolean;
}

/** The first parameter of every query that selects these columns is the viewer whose `owned` it is. */
const ITEM_COLUMNS = `i.id, i.kind, i.code, i.name, i.description, i.price, i.vip_only, i.music_url,
  exists(select 1 from owned_item o where o.item_id = i.id and o.user_id = ?) as owned`;

/** SQL of the shop's tables (`shop_item`, the catalog seeded by migration, and `owned_item`) for ShopService. */
@Injectable()
export class ShopRepository {
  constructor(private readonly em: EntityManager) {}

  /** The whole catalog in its order. */
  catalog(viewerId: string): Promise<ShopItemRow[]> {
    return sqlRows<ShopItemRow>(
      this.em,
      `select ${ITEM_COLUMNS} from shop_item i order by i.position, i.id`,
      [viewerId],
    );
  }

  async item(viewerId: string, itemId: string): Promise<ShopItemRow | undefined> {
    const [row] = await sqlRows<ShopItemRow>(
      this.em,
      `select ${ITEM_COLUMNS} from shop_item i where i.id = ?`,
      [viewerId, itemId],
    );
    return row;
  }

  /** The theme or skin of the catalog with this code. */
  async themeByCode(viewerId: string, code: string): Promise<ShopItemRow | undefined> {
    const [row] = await sqlRows<ShopItemRow>(
      this.em,
      `select ${ITEM_COLUMNS} from shop_item i where i.code = ? and i.kind in ('theme', 'skin')`,
      [viewerId, code],
    );
    return row;
  }

  /** The music item of the catalog with this id. */
  async musicItem(viewerId: string, itemId: string): Promise<ShopItemRow | undefined> {
    const [row] = await sqlRows<ShopItemRow>(
      this.em,
      `select ${ITEM_COLUMNS} from shop_item i where i.id = ? and i.kind = 'music'`,
      [viewerId, itemId],
    );
    return row;
  }

  /** The user's items, most recently acquired first. */
  inventory(userId: string): Promise<(ShopItemRow & { acquired_at: Date })[]> {
    return sqlRows<ShopItemRow & { acquired_at: Date }>(
      this.em,
      `select ${ITEM_COLUMNS}, o.acquired_at from owned_item o join shop_item i on i.id = o.item_id
        where o.user_id = ? order by o.acquired_at desc, i.position`,
      [userId, userId],
    );
  }

  /** Records that the user owns the item, bought in the ledger transaction (none for a free item). */
  async addOwned(
    userId: string,
    itemId: string,
    transactionId: string | null,
    acquiredAt: Date,
  ): Promise<void> {
    await sqlRun(
      this.em,
      'insert into owned_item (user_id, item_id, transaction_id, acquired_at) values (?, ?, ?, ?)',
      [userId, itemId, transactionId, acquiredAt],
    );
  }
}
