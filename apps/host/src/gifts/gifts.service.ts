import { Inject, Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { Keyset } from '../common/pagination';
import { forbidden, notFound } from '../common/problem';
import type { PrivacyLevel } from '../common/privacy-level';
import { PrivacyService } from '../privacy/privacy.service';
import type { GiftThanks } from './dto/gifts.dto';
import { type GiftBox, type GiftRow, GiftsRepository, type NewGift } from './gifts.repository';

export type { GiftBox, GiftRow, NewGift } from './gifts.repository';

/** Who sees a gift wall, under the one privacy rule: the owner's friends (so never anyone they block). */
const GIFT_WALL_LEVEL: PrivacyLevel = 'friends';

/** The recipient's thanks as shown with a gift; null until they thank. */
export function thanksOf(row: GiftRow): GiftThanks | null {
  return row.thanks === null || row.thanked_at === null
    ? null
    : { message: row.thanks, createdAt: new Date(row.thanked_at).toISOString() };
}

/**
 * Gifts users send each other through apps, and the gift wall in each user's space that shows the
 * gifts they received. Writes run in the caller's transaction (the Open API adds its quota,
 * notification and event to the same one).
 */
@Injectable()
export class GiftsService {
  constructor(
    private readonly repository: GiftsRepository,
    private readonly accounts: AccountsService,
    private readonly privacy: PrivacyService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  record(gift: NewGift): Promise<GiftRow> {
    return this.repository.insert(gift, this.clock.now());
  }

  /** A gift by id, unless it is hidden with a suspended sender or recipient. */
  find(id: string): Promise<GiftRow | undefined> {
    return this.repository.find(id);
  }

  /** The gift an app already recorded for an order, if any. */
  forOrder(appId: string, orderId: string): Promise<GiftRow | undefined> {
    return this.repository.forOrder(appId, orderId);
  }

  sentSince(appId: string, senderId: string, since: Date): Promise<number> {
    return this.repository.sentSince(appId, senderId, since);
  }

  /** Records the recipient's thanks, once: undefined when the gift is already thanked. */
  thank(giftId: string, message: string): Promise<GiftRow | undefined> {
    return this.repository.thank(giftId, message, this.clock.now());
  }

  /** An app's gifts received or sent by one user, newest first. */
  listForApp(
    appId: string,
    userId: string,
    box: GiftBox,
    limit: number,
    after: Keyset | undefined,
  ): Promise<GiftRow[]> {
    return this.repository.listForApp({ appId, userId, box }, limit, after);
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
    return this.repository.wall(ownerId, limit, after);
  }

  /** Takes a gift off its recipient's wall; apps still list it. Others' gifts do not exist for them. */
  async hide(recipientId: string, giftId: string): Promise<void> {
    const hidden = await this.repository.hide(recipientId, giftId, this.clock.now());
    if (hidden === 0) throw notFound('Gift');
  }
}
