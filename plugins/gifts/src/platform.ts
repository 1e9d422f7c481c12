import { PluginHttpError, type PluginApiResponse, type PluginContext } from '@kongjian/sdk/plugin';

/** The Open API operations gifts uses, as the acting user. Shapes are the Open API's own. */

export interface Friend {
  openid: string;
  nickname: string;
  headPortraitUrl: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface OpenOrder {
  id: string;
  status: string;
  price: number;
  confirmUrl: string;
  metadata: Record<string, unknown> | null;
}

export interface OpenGift {
  id: string;
  from: string | null;
  to: string;
  name: string;
  message: string | null;
  price: number | null;
  orderId: string | null;
  thanks: { message: string; createdAt: string } | null;
  createdAt: string;
}

/** Friend pages read when looking a friend up by openid (a bound on one call's work). */
const MAX_FRIEND_PAGES = 20;

/**
 * Passes on what a user can act on (the platform's 4xx: not a friend, a quota, a conflict) as it
 * is; anything else is a 502 carrying what the platform said.
 */
function bodyOf<T>(response: PluginApiResponse<T>, what: string, ...ok: number[]): T {
  if (ok.includes(response.status)) return response.body;
  const problem = (response.body ?? {}) as { code?: unknown; detail?: unknown };
  const detail = typeof problem.detail === 'string' ? problem.detail : `${what} failed`;
  if ([404, 409, 422, 429].includes(response.status)) {
    throw new PluginHttpError(response.status, String(problem.code ?? 'refused'), detail);
  }
  throw new PluginHttpError(502, 'platform_error', `${what} failed (${response.status}): ${detail}`);
}

export async function friendsPage(ctx: PluginContext, cursor: string | undefined): Promise<Page<Friend>> {
  const query: Record<string, string | number> = { limit: 100 };
  if (cursor) query.cursor = cursor;
  return bodyOf(
    await ctx.api.request<Page<Friend>>('GET', '/open/v1/friends', { query }),
    'Listing friends',
    200,
  );
}

/** The app friend with this openid, or null: the friends list is where nicknames come from. */
export async function findFriend(ctx: PluginContext, openid: string): Promise<Friend | null> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_FRIEND_PAGES; page++) {
    const { items, nextCursor } = await friendsPage(ctx, cursor);
    const friend = items.find((candidate) => candidate.openid === openid);
    if (friend) return friend;
    if (!nextCursor) return null;
    cursor = nextCursor;
  }
  return null;
}

export async function createOrder(
  ctx: PluginContext,
  idempotencyKey: string,
  body: unknown,
): Promise<OpenOrder> {
  const response = await ctx.api.request<OpenOrder>('POST', '/open/v1/orders', {
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  return bodyOf(response, 'Creating the order', 201);
}

export async function getOrder(ctx: PluginContext, orderId: string): Promise<OpenOrder> {
  const path = `/open/v1/orders/${encodeURIComponent(orderId)}`;
  return bodyOf(await ctx.api.request<OpenOrder>('GET', path), 'Reading the order', 200);
}

export async function confirmDelivery(ctx: PluginContext, orderId: string): Promise<void> {
  const path = `/open/v1/orders/${encodeURIComponent(orderId)}/delivery`;
  bodyOf(await ctx.api.request('POST', path), 'Confirming the delivery', 200);
}

export async function sendGift(ctx: PluginContext, body: unknown): Promise<OpenGift> {
  return bodyOf(
    await ctx.api.request<OpenGift>('POST', '/open/v1/gifts', { body }),
    'Sending the gift',
    200,
    201,
  );
}

export async function listGifts(
  ctx: PluginContext,
  box: string,
  cursor: string | undefined,
): Promise<Page<OpenGift>> {
  const query: Record<string, string | number> = { box };
  if (cursor) query.cursor = cursor;
  return bodyOf(
    await ctx.api.request<Page<OpenGift>>('GET', '/open/v1/gifts', { query }),
    'Listing gifts',
    200,
  );
}

export async function thankGift(ctx: PluginContext, giftId: string, message: string): Promise<OpenGift> {
  const path = `/open/v1/gifts/${encodeURIComponent(giftId)}/thanks`;
  return bodyOf(await ctx.api.request<OpenGift>('POST', path, { body: { message } }), 'Thanking', 200, 201);
}

/**
 * Claims a one-time step of an order (a key in the user's storage created only if absent): true for
 * the first caller only, so an event delivered twice does the step once.
 */
export async function claimOnce(ctx: PluginContext, key: string): Promise<boolean> {
  const response = await ctx.api.request('PUT', `/open/v1/storage/${encodeURIComponent(key)}`, {
    body: { value: { at: new Date(ctx.now()).toISOString() } },
    headers: { 'If-None-Match': '*' },
  });
  if (response.status === 412) return false;
  bodyOf(response, 'Recording a step', 200, 201);
  return true;
}

/** Forgets a claimed step once the whole order is done (the user's storage has room for 1000 keys). */
export async function releaseClaim(ctx: PluginContext, key: string): Promise<void> {
  const response = await ctx.api.request('DELETE', `/open/v1/storage/${encodeURIComponent(key)}`);
  if (response.status !== 204 && response.status !== 404) ctx.log.warn('A claim was not released', { key });
}

export async function postStory(ctx: PluginContext, text: string): Promise<void> {
  const response = await ctx.api.request('POST', '/open/v1/feed/stories', {
    body: { text, privacy: 'friends' },
  });
  // A story is a courtesy: over the daily quota, or held by moderation, the gift is sent all the same.
  if (response.status !== 201) ctx.log.warn('The story was not posted', { status: response.status });
}
