import { type PluginApiResponse, type PluginContext } from '@kongjian/sdk/plugin';
import { bodyOf as sharedBodyOf, type Page } from '../../shared/src/open-api';

/** The Open API operations only gifts uses (orders, gifts, claims), as the acting user. */

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

/** What the user can act on (not a friend, a quota, a conflict) is passed on as the platform said it. */
const USER_PROBLEMS = [404, 409, 422];

function bodyOf<T>(response: PluginApiResponse<T>, what: string, ...ok: number[]): T {
  return sharedBodyOf(response, what, ok, USER_PROBLEMS);
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
