/**
 * Sending a gift, as pure functions: checking a request, the order that charges for it, reading the
 * order back when it is paid, and what the gift and its story say. No I/O here.
 */
import { CATALOG, findGift, type CatalogGift } from './catalog';

export const GIFT_LIMITS = {
  /** The Open API's limit on a gift's message. */
  messageMax: 200,
  thanksMax: 200,
  /** Stories are at most 500 characters. */
  storyTextMax: 500,
} as const;

export type Checked<T> = { value: T } | { error: string };

export interface SendRequest {
  to: string;
  gift: CatalogGift;
  message: string | null;
}

/** What the order carries (its metadata) so that the paid event alone says what to send to whom. */
export interface GiftOrderMetadata {
  kind: 'gift';
  to: string;
  toNickname: string;
  giftId: string;
  message: string | null;
}

export const GIFT_BOXES = ['received', 'sent'] as const;
export type GiftBox = (typeof GIFT_BOXES)[number];

const OPENID = /^[A-Za-z0-9_-]{1,64}$/;
const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isOpenid = (value: unknown): value is string => typeof value === 'string' && OPENID.test(value);
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Trims; control characters other than line breaks become spaces. */
function cleanMessage(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ').trim();
}

function optionalMessage(value: unknown, max: number, field: string): Checked<string | null> {
  if (value === undefined || value === null) return { value: null };
  if (typeof value !== 'string') return { error: `${field} must be text` };
  const message = cleanMessage(value);
  if (message.length > max) return { error: `${field} must be at most ${max} characters` };
  return { value: message.length > 0 ? message : null };
}

/** Checks `{to, giftId, message?}`; the sender may not gift themself. */
export function parseSendRequest(body: unknown, sender: string): Checked<SendRequest> {
  if (!isRecord(body)) return { error: 'The body must be a JSON object' };
  if (!isOpenid(body.to)) return { error: 'to must be the openid of a friend' };
  if (body.to === sender) return { error: 'A gift goes to a friend, not to yourself' };
  const gift = findGift(body.giftId);
  if (!gift) return { error: 'giftId must name a gift of the catalog' };
  const message = optionalMessage(body.message, GIFT_LIMITS.messageMax, 'message');
  if ('error' in message) return message;
  return { value: { to: body.to, gift, message: message.value } };
}

/** Checks `{message}` of a thank-you. */
export function parseThanks(body: unknown): Checked<string> {
  const message = optionalMessage(
    isRecord(body) ? body.message : undefined,
    GIFT_LIMITS.thanksMax,
    'message',
  );
  if ('error' in message) return message;
  if (message.value === null) return { error: 'message is required' };
  return { value: message.value };
}

/** The idempotency key of the order: the canvas's own per attempt (a double click pays once), else a fresh one. */
export function orderKey(body: unknown, now: number, random: () => number): string {
  const requestId = isRecord(body) ? body.requestId : undefined;
  if (typeof requestId === 'string' && REQUEST_ID.test(requestId)) return requestId;
  return `${now.toString(36)}-${Math.floor(random() * 36 ** 8).toString(36)}`;
}

export function parseBox(value: unknown): Checked<GiftBox> {
  const box = value ?? 'received';
  return (GIFT_BOXES as readonly unknown[]).includes(box)
    ? { value: box as GiftBox }
    : { error: `box must be one of ${GIFT_BOXES.join(', ')}` };
}

/** The order that charges the sender: the catalog price, and what to send in its metadata. */
export function orderRequest(request: SendRequest, toNickname: string) {
  const metadata: GiftOrderMetadata = {
    kind: 'gift',
    to: request.to,
    toNickname,
    giftId: request.gift.id,
    message: request.message,
  };
  return {
    item: {
      sku: `gift:${request.gift.id}`,
      name: `${request.gift.emoji} ${request.gift.name}`,
      description: `送给 ${toNickname} 的礼物 (a gift for ${toNickname})`,
    },
    price: request.gift.price,
    metadata,
  };
}

/** The gift a paid order stands for, or null when the order is not one this plugin made. */
export function giftOfOrder(metadata: unknown): { metadata: GiftOrderMetadata; gift: CatalogGift } | null {
  if (!isRecord(metadata) || metadata.kind !== 'gift' || !isOpenid(metadata.to)) return null;
  const gift = findGift(metadata.giftId);
  if (!gift || typeof metadata.toNickname !== 'string') return null;
  const message = typeof metadata.message === 'string' ? metadata.message : null;
  return {
    metadata: { kind: 'gift', to: metadata.to, toNickname: metadata.toNickname, giftId: gift.id, message },
    gift,
  };
}

/**
 * The name a gift has on the recipient's wall, emoji first: the wall shows names, and an image URL
 * would have to be an absolute https address, which a plugin does not know.
 */
export const wallName = (gift: CatalogGift) => `${gift.emoji} ${gift.name}`;

export function giftByWallName(name: string): CatalogGift | undefined {
  return CATALOG.find((gift) => wallName(gift) === name);
}

/**
 * The gift as the platform records it on the recipient's wall. The order id makes sending it
 * idempotent: a paid event delivered twice sends one gift.
 */
export function giftRequest(orderId: string, metadata: GiftOrderMetadata, gift: CatalogGift) {
  return {
    to: metadata.to,
    name: wallName(gift),
    ...(metadata.message === null ? {} : { message: metadata.message }),
    price: gift.price,
    orderId,
  };
}

/** "送给 小红 一朵玫瑰 🌹：生日快乐！" */
export function sentStoryText(metadata: GiftOrderMetadata, gift: CatalogGift): string {
  const head = `送给 ${metadata.toNickname} 一${gift.measure}${gift.name} ${gift.emoji}`;
  const text = metadata.message ? `${head}：${metadata.message}` : head;
  return text.length > GIFT_LIMITS.storyTextMax ? `${text.slice(0, GIFT_LIMITS.storyTextMax - 1)}…` : text;
}
