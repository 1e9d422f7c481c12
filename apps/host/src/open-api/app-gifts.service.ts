import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { AuthorizationsService } from '../apps/authorizations.service';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { decodeCursor, toPage } from '../common/pagination';
import { conflict, notFound } from '../common/problem';
import { EventsService } from '../events/events.service';
import { GiftRow, GiftsService, thanksOf } from '../gifts/gifts.service';
import { ModerationService } from '../moderation/moderation.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { AccessContext } from '../access-context/access-context';
import { lockName } from '../database/advisory-lock';
import { AppFriendsService } from './app-friends.service';
import { appUserQuota, type DailyQuota, spendDailyQuota } from './daily-quota';
import { requiredText, screenDeliveredText } from './delivered-text';
import type { GiftListQuery, OpenGift, OpenGiftPage, SendGiftRequest } from './dto/app-gifts.dto';

/**
 * Gifts through the Open API: an app sends one from its user to an app friend, which lands on the
 * friend's gift wall, tells them (`gift_received`) and tells the app (`gift.received`), all in one
 * transaction; the recipient may thank the sender once.
 */
@Injectable()
export class AppGiftsService {
  constructor(
    private readonly em: EntityManager,
    private readonly gifts: GiftsService,
    private readonly appFriends: AppFriendsService,
    private readonly authorizations: AuthorizationsService,
    private readonly moderation: ModerationService,
    private readonly notifications: NotificationsService,
    private readonly events: EventsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The gifts this app may send for the token's user a day, counted as sending spends them. */
  quota(access: AccessContext): DailyQuota {
    return appUserQuota(
      access,
      { things: 'gifts', verb: 'send', limit: LIMITS.giftsPerSenderPerAppPerDay },
      (dayStart) => this.gifts.sentSince(access.appId, access.userId, dayStart),
    );
  }

  async send(access: AccessContext, request: SendGiftRequest): Promise<OpenGift> {
    const recipientId = await this.appFriends.requireAppFriend(access, request.to);
    const name = requiredText(request.name, 'name');
    const message = request.message?.trim() || null;
    await screenDeliveredText(this.moderation, message === null ? [name] : [name, message]);
    const gift = await this.em.transactional(async () => {
      if (request.orderId !== undefined) {
        // One gift per order: a retry after a lost response gets the gift already sent.
        await lockName(this.em, `gift-order:${access.appId}:${request.orderId}`);
        const sent = await this.gifts.forOrder(access.appId, request.orderId);
        if (sent) {
          if (sent.sender_id !== access.userId || sent.recipient_id !== recipientId || sent.name !== name) {
            throw conflict('idempotency_conflict', 'This order already paid for a different gift');
          }
          return sent;
        }
      }
      await spendDailyQuota(this.em, this.clock, this.quota(access));
      const recorded = await this.gifts.record({
        senderId: access.userId,
        recipientId,
        appId: access.appId,
        name,
        imageUrl: request.imageUrl ?? null,
        message,
        price: request.price ?? null,
        orderId: request.orderId ?? null,
      });
      this.notifications.notify({
        recipientId,
        kind: 'gift_received',
        actorId: access.userId,
        appId: access.appId,
        subjectId: recorded.id,
        text: name,
      });
      await this.events.publish(
        access.appId,
        'gift.received',
        { giftId: recorded.id, from: access.openid, to: request.to, name, message },
        recipientId,
      );
      return recorded;
    });
    return this.one(access.appId, gift);
  }

  /** The recipient thanks the sender, once; other users (and other apps) do not see the gift. */
  async thank(access: AccessContext, giftId: string, text: string): Promise<OpenGift> {
    const message = requiredText(text, 'message');
    const gift = await this.gifts.find(giftId);
    if (!gift || gift.app_id !== access.appId || gift.recipient_id !== access.userId) throw notFound('Gift');
    await screenDeliveredText(this.moderation, [message]);
    const thanked = await this.em.transactional(async () => {
      const row = await this.gifts.thank(giftId, message);
      if (!row) throw conflict('already_thanked', 'This gift was already thanked for');
      if (row.sender_id) {
        this.notifications.notify({
          recipientId: row.sender_id,
          kind: 'gift_thanked',
          actorId: access.userId,
          appId: access.appId,
          subjectId: row.id,
          text: message,
        });
      }
      return row;
    });
    return this.one(access.appId, thanked);
  }

  async list(access: AccessContext, query: GiftListQuery, limit: number): Promise<OpenGiftPage> {
    const rows = await this.gifts.listForApp(
      access.appId,
      access.userId,
      query.box ?? 'received',
      limit,
      decodeCursor(query.cursor),
    );
    const openids = await this.openids(access.appId, rows.slice(0, limit));
    return toPage(rows, limit, (row) => toOpenGift(row, openids));
  }

  private async one(appId: string, row: GiftRow): Promise<OpenGift> {
    return toOpenGift(row, await this.openids(appId, [row]));
  }

  /** The app's openids of the gifts' senders and recipients, by user id. */
  private async openids(appId: string, rows: GiftRow[]): Promise<Map<string, string>> {
    const userIds = [
      ...new Set(rows.flatMap((row) => [row.recipient_id, ...(row.sender_id ? [row.sender_id] : [])])),
    ];
    const openids = await Promise.all(userIds.map((userId) => this.authorizations.openidFor(appId, userId)));
    return new Map(userIds.map((userId, index) => [userId, openids[index]]));
  }
}

function toOpenGift(row: GiftRow, openids: Map<string, string>): OpenGift {
  return {
    id: row.id,
    from: row.sender_id ? openids.get(row.sender_id)! : null,
    to: openids.get(row.recipient_id)!,
    name: row.name,
    imageUrl: row.image_url,
    message: row.message,
    price: row.price,
    orderId: row.order_id,
    thanks: thanksOf(row),
    createdAt: new Date(row.created_at).toISOString(),
  };
}
