import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { notSuspended } from '../accounts/accounts.repository';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Keyset, keysetCondition } from '../common/pagination';
import { forbidden, notFound } from '../common/problem';
import { sqlRows, sqlRun } from '../database/sql';
import type { PrivacyLevel } from '../privacy/privacy-level';
import { PrivacyService } from '../privacy/privacy.service';
import type { GiftThanks } from './dto/gifts.dto';

/** Who sees a gift wall, under the one privacy rule: the owner's friends (so never anyone they block). */
const GIFT_WALL_LEVEL: PrivacyLevel = 'friends';

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

/** The recipient's thanks as shown with a gift; null until they thank. */
export function thanksOf(row: GiftRow): GiftThanks | null {
  return row.thanks === null || row.thanked_at === null
    ? null
    : { message: row.thanks, createdAt: new Date(row.thanked_at).toISOString() };
}

/**
 * A gift from or to a suspended account is hidden like the rest of their content (the sender may be
 * gone: null). The recipient of a wall is its owner, whom `presentTo` already checks; an app's "sent"
 * box would otherwise show a suspended recipient.
 */
const PEOPLE_SHOWN = `${notSuspended('g.sender_id', { nullable: true })} and ${notSuspended('g.recipient_id')}`;

const COLUMNS = `g.id, g.sender_id, g.recipient_id, g.app_id, g.name, g.image_url, g.message, g.price,
  g.order_id, g.created_at, g.thanks, g.thanked_at`;

/**
 * Gifts users send each other through apps, and the gift wall in each user's space that shows the
 * gifts they received. Writes run in the caller's transaction (the Open API adds its quota,
 * notification and event to the same one).
 */
@Injectable()
export class GiftsService {
  constructor(
    private readonly em: EntityManager,
    private readonly accounts: AccountsService,
    private readonly privacy: PrivacyService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async record(gift: NewGift): Promise<GiftRow> {
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
        this.clock.now(),
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
  async thank(giftId: string, message: string): Promise<GiftRow | undefined> {
    const [row] = await sqlRows<GiftRow>(
      this.em,
      `update space_gift g set thanks = ?, thanked_at = ? where g.id = ? and g.thanks is null
       returning ${COLUMNS}`,
      [message, this.clock.now(), giftId],
    );
    return row;
  }

  /** An app's gifts received or sent by one user, newest first. */
  async listForApp(
    appId: string,
    userId: string,
    box: GiftBox,
    limit: number,
    after: Keyset | undefined,
  ): Promise<GiftRow[]> {
    const keyset = keysetCondition('g', after);
    return sqlRows<GiftRow>(
      this.em,
      `select ${COLUMNS} from space_gift g
        where g.app_id = ? and g.${box === 'sent' ? 'sender_id' : 'recipient_id'} = ? and ${PEOPLE_SHOWN}
          and ${keyset.sql}
        order by g.created_at desc, g.id desc limit ?`,
      [appId, userId, ...keyset.params, limit + 1],
    );
  }

  /** The gift wall of a space, newest first, for a viewer the privacy rule lets see it. */
  async wall(viewerId: string | null, ownerId: string, limit: number, after: Keyset | undefined) {
    await this.accounts.presentTo(viewerId, ownerId);
    const visible = await this.privacy.canView(viewerId, {
      id: ownerId,
      authorId: ownerId,
      level: GIFT_WALL_LEVEL,
      moderation: 'published',
    });
    if (!visible) throw forbidden("Only the owner's friends see this gift wall");
    const keyset = keysetCondition('g', after);
    return sqlRows<GiftRow>(
      this.em,
      `select ${COLUMNS} from space_gift g
        where g.recipient_id = ? and g.hidden_at is null and ${PEOPLE_SHOWN} and ${keyset.sql}
        order by g.created_at desc, g.id desc limit ?`,
      [ownerId, ...keyset.params, limit + 1],
    );
  }

  /** Takes a gift off its recipient's wall; apps still list it. Others' gifts do not exist for them. */
  async hide(recipientId: string, giftId: string): Promise<void> {
    const hidden = await sqlRun(
      this.em,
      'update space_gift set hidden_at = ? where id = ? and recipient_id = ? and hidden_at is null',
      [this.clock.now(), giftId, recipientId],
    );
    if (hidden === 0) throw notFound('Gift');
  }
}
