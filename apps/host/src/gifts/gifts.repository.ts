import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { notSuspended } from '../accounts/accounts.fragments';
import { newId } from '../common/ids';
import { Keyset, keysetCondition } from '../common/pagination';
import { sqlRows, sqlRun } from '../database/sql';

export interface GiftRow {
  id: string;
  sender_id: string | null;
  recipient_id: string;
  app_id: string | null;
  name: string;
  image_url: string | null;
  message: string | null;
  price: number | null;
  order_id: string | null;
  created_at: Date | string;
  thanks: string | null;
  thanked_at: Date | string | null;
}

export interface NewGift {
  senderId: string;
  recipientId: string;
  appId: string;
  name: string;
  imageUrl: string | null;
  message: string | null;
  price: number | null;
  orderId: string | null;
}

export type GiftBox = 'received' | 'sent';

/**
 * A gift from or to a suspended account is hidden like the rest of their content (the sender may be
 * gone: null). The recipient of a wall is its owner, whom `presentTo` already checks; an app's "sent"
 * box would otherwise show a suspended recipient.
 */
const PEOPLE_SHOWN = `${notSuspended('g.sender_id', { nullable: true })} and ${notSuspended('g.recipient_id')}`;

const COLUMNS = `g.id, g.sender_id, g.recipient_id, g.app_id, g.name, g.image_url, g.message, g.price,
  g.order_id, g.created_at, g.thanks, g.thanked_at`;

/** SQL of the space_gift table for GiftsService. */
@Injectable()
export class GiftsRepository {
  constructor(private readonly em: EntityManager) {}

  async insert(gift: NewGift, now: Date): Promise<GiftRow> {
    const [row] = await sqlRows<GiftRow>(
      this.em,
      `insert into space_gift as g
         (id, sender_id, recipient_id, app_id, name, image_url, message, price, order_id, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       returning ${COLUMNS}`,
      [
        newId(),
        gift.senderId,
        gift.recipientId,
        gift.appId,
        gift.name,
        gift.imageUrl,
        gift.message,
        gift.price,
        gift.orderId,
        now,
      ],
    );
    return row;
  }

  /** A gift by id, unless it is hidden with a suspended sender or recipient. */
  async find(id: string): Promise<GiftRow | undefined> {
    const [row] = await sqlRows<GiftRow>(
      this.em,
      `select ${COLUMNS} from space_gift g where g.id = ? and ${PEOPLE_SHOWN}`,
      [id],
    );
    return row;
  }

  /** The gift an app already recorded for an order, if any. */
  async forOrder(appId: string, orderId: string): Promise<GiftRow | undefined> {
    const [row] = await sqlRows<GiftRow>(
      this.em,
      `select ${COLUMNS} from space_gift g where g.app_id = ? and g.order_id = ?`,
      [appId, orderId],
    );
    return row;
  }

  async sentSince(appId: string, senderId: string, since: Date): Promise<number> {
    const [row] = await sqlRows<{ count: number }>(
      this.em,
      'select count(*)::int as count from space_gift where app_id = ? and sender_id = ? and created_at >= ?',
      [appId, senderId, since],
    );
    return row.count;
  }

  /** Records the recipient's thanks, once: undefined when the gift is already thanked. */
  async thank(giftId: string, message: string, now: Date): Promise<GiftRow | undefined> {
    const [row] = await sqlRows<GiftRow>(
      this.em,
      `update space_gift g set thanks = ?, thanked_at = ? where g.id = ? and g.thanks is null
       returning ${COLUMNS}`,
      [message, now, giftId],
    );
    return row;
  }

  /** An app's gifts received or sent by one user, newest first; one more than `limit`. */
  listForApp(
    of: { appId: string; userId: string; box: GiftBox },
    limit: number,
    after: Keyset | undefined,
  ): Promise<GiftRow[]> {
    const keyset = keysetCondition('g', after);
    return sqlRows<GiftRow>(
      this.em,
      `select ${COLUMNS} from space_gift g
        where g.app_id = ? and g.${of.box === 'sent' ? 'sender_id' : 'recipient_id'} = ? and ${PEOPLE_SHOWN}
          and ${keyset.sql}
        order by g.created_at desc, g.id desc limit ?`,
      [of.appId, of.userId, ...keyset.params, limit + 1],
    );
  }

  /** The gifts on the owner's wall, newest first; one more than `limit`. */
  wall(ownerId: string, limit: number, after: Keyset | undefined): Promise<GiftRow[]> {
    const keyset = keysetCondition('g', after);
    return sqlRows<GiftRow>(
      this.em,
      `select ${COLUMNS} from space_gift g
        where g.recipient_id = ? and g.hidden_at is null and ${PEOPLE_SHOWN} and ${keyset.sql}
        order by g.created_at desc, g.id desc limit ?`,
      [ownerId, ...keyset.params, limit + 1],
    );
  }

  /** Takes a gift off its recipient's wall; returns how many changed (0 when not theirs or hidden). */
  hide(recipientId: string, giftId: string, now: Date): Promise<number> {
    return sqlRun(
      this.em,
      'update space_gift set hidden_at = ? where id = ? and recipient_id = ? and hidden_at is null',
      [now, giftId, recipientId],
    );
  }
}
