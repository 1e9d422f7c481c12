import { definePlugin, PluginHttpError } from '@kongjian/sdk/plugin';
import { findFriend, friendsPage, postStory } from '../../shared/src/open-api';
import { CATALOG } from './catalog';
import {
  claimOnce,
  confirmDelivery,
  createOrder,
  getOrder,
  listGifts,
  releaseClaim,
  sendGift,
  thankGift,
  type OpenOrder,
} from './platform';
import {
  giftByWallName,
  giftOfOrder,
  giftRequest,
  isUuid,
  orderKey,
  orderRequest,
  parseBox,
  parseSendRequest,
  parseThanks,
  sentStoryText,
  type Checked,
} from './sending';

function checked<T>(result: Checked<T>): T {
  if ('error' in result) throw new PluginHttpError(400, 'validation_failed', result.error);
  return result.value;
}

const optionalCursor = (value: string | undefined) => (value ? value : undefined);

export default definePlugin({
  routes: {
    'GET /catalog': () => ({ body: { items: CATALOG } }),

    /** Friends who use the app: the only people a gift can go to. */
    'GET /friends': async (ctx, request) => ({
      body: await friendsPage(ctx, optionalCursor(request.query.cursor)),
    }),

    /**
     * Starts sending a gift: an order for its price, which the user confirms and pays in the host.
     * The gift goes out when `order.paid` arrives.
     */
    'POST /gifts': async (ctx, request) => {
      const send = checked(parseSendRequest(request.body, ctx.user.openid));
      const friend = await findFriend(ctx, send.to);
      if (!friend) {
        throw new PluginHttpError(
          404,
          'not_an_app_friend',
          '只能送给同样在用礼物的好友 (not a friend using Gifts)',
        );
      }
      const order = await createOrder(
        ctx,
        orderKey(request.body, ctx.now(), Math.random),
        orderRequest(send, friend.nickname),
      );
      return {
        status: 201,
        body: {
          order: { id: order.id, status: order.status, price: order.price, confirmUrl: order.confirmUrl },
          gift: send.gift,
          to: friend,
        },
      };
    },

    /** Whether a gift's order was paid and the gift sent (`delivered`). */
    'GET /orders/:id': async (ctx, request) => {
      if (!isUuid(request.params.id)) throw new PluginHttpError(404, 'not_found', 'No such order');
      const order = await getOrder(ctx, request.params.id);
      return {
        body: { id: order.id, status: order.status, price: order.price, confirmUrl: order.confirmUrl },
      };
    },

    /** Gifts I received (`box=received`) or sent (`box=sent`), with names from my friends list. */
    'GET /gifts': async (ctx, request) => {
      const box = checked(parseBox(request.query.box));
      const [page, friends] = await Promise.all([
        listGifts(ctx, box, optionalCursor(request.query.cursor)),
        friendsPage(ctx, undefined),
      ]);
      const nicknames = new Map(friends.items.map((friend) => [friend.openid, friend.nickname]));
      const nameOf = (openid: string | null) => (openid === null ? null : (nicknames.get(openid) ?? null));
      return {
        body: {
          items: page.items.map((gift) => ({
            ...gift,
            fromNickname: nameOf(gift.from),
            toNickname: nameOf(gift.to),
            catalog: giftByWallName(gift.name) ?? null,
          })),
          nextCursor: page.nextCursor,
        },
      };
    },

    /** 回礼: the recipient thanks the sender, once. */
    'POST /gifts/:id/thanks': async (ctx, request) => {
      if (!isUuid(request.params.id)) throw new PluginHttpError(404, 'not_found', 'No such gift');
      const message = checked(parseThanks(request.body));
      return { status: 201, body: await thankGift(ctx, request.params.id, message) };
    },
  },

  events: {
    /**
     * Acting as the buyer: send the gift the order paid for, tell friends in a story, then confirm the
     * delivery (the coins reach the developer only then). Each step is idempotent by the order id, so an
     * event delivered twice sends one gift and one story; a gift that cannot be sent is left undelivered,
     * and the platform refunds the order.
     */
    'order.paid': async (ctx, event) => {
      const order = event.data.order as OpenOrder;
      const found = giftOfOrder(order?.metadata);
      if (!found) {
        ctx.log.warn('A paid order that is no gift', { orderId: order?.id });
        return;
      }
      const current = await getOrder(ctx, order.id);
      if (current.status !== 'paid') return;
      try {
        await sendGift(ctx, giftRequest(order.id, found.metadata, found.gift));
      } catch (error) {
        if (error instanceof PluginHttpError && error.status < 500) {
          ctx.log.warn('The gift could not be sent; the order will be refunded', {
            orderId: order.id,
            error: error.message,
          });
          return;
        }
        throw error;
      }
      const storyClaim = `story:${order.id}`;
      if (await claimOnce(ctx, storyClaim)) await postStory(ctx, sentStoryText(found.metadata, found.gift));
      await confirmDelivery(ctx, order.id);
      // A delivered order stops a redelivered event before the claim, so the claim is no longer needed.
      await releaseClaim(ctx, storyClaim);
    },
  },
});
