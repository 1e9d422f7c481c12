/**
 * Receiving Kongjian webhooks: verify the `Kongjian-Signature` header over the raw request body with
 * the app's webhook secret, then parse the event. Uses WebCrypto only, so it runs in Node, Deno, Bun,
 * edge runtimes and browsers alike.
 *
 * The header is `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. Verify before parsing,
 * over the exact bytes received (re-serialized JSON would not match), and dedupe by `event.id`:
 * the host delivers at least once and retries with the same id.
 */

import type { components } from './generated/host.js';
import type { components as openPlatform } from './generated/open-platform.js';

export const WEBHOOK_SIGNATURE_HEADER = 'Kongjian-Signature';
export const WEBHOOK_EVENT_ID_HEADER = 'Kongjian-Event-Id';
export const WEBHOOK_EVENT_TYPE_HEADER = 'Kongjian-Event-Type';
/** How far the signed timestamp may be from now before a request counts as a replay. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

/** The event types an app can list in its manifest (from the spec), and the test event. */
export type KongjianEventType =
  | NonNullable<components['schemas']['AppManifestRequest']['events']>[number]
  /** Sent when the developer asks for a test event (the console's "send test event"). */
  | 'webhook.test';

/** A webhook's body. Users appear only as the app's openids. */
export interface KongjianWebhookEvent<Data = Record<string, unknown>> {
  /** The same on every retry of one event: dedupe by it. */
  id: string;
  /** One of KongjianEventType; newer hosts may send types this SDK does not know yet. */
  type: KongjianEventType | (string & {});
  appId: string;
  /** ISO 8601. */
  createdAt: string;
  data: Data;
}

type Story = openPlatform['schemas']['StoryResponse'];

/** A story the app posted, as `post.created` and `post.held` describe it. */
export interface KongjianStoryEventData {
  postId: string;
  /** The openid of the user the app posted it for. */
  author: string;
  text: string;
  linkUrl: string | null;
  imageUrl: string | null;
  privacy: Story['privacy'];
}

/** What `data` holds for each event type, as the host sends it; every type the spec lists must be here. */
interface EventDataByType {
  'app.installed': { user: string };
  'app.uninstalled': { user: string };
  'app.deauthorized': { user: string };
  'post.created': KongjianStoryEventData;
  'post.held': KongjianStoryEventData;
  'post.removed': {
    postId: string;
    author: string;
    /** Rejected or taken down by a moderator, or deleted by its author. */
    reason: 'rejected' | 'unpublished' | 'deleted';
  };
  'friend.added': { user: string; friend: string };
  'gift.received': { giftId: string; from: string; to: string; name: string; message: string | null };
  'order.paid': { order: openPlatform['schemas']['OpenOrder'] };
  'order.refunded': { order: openPlatform['schemas']['OpenOrder'] };
  'app.reminder': { reminderId: string; user: string; data: unknown };
  'app.invited': { inviteId: string; inviter: string; invitee: string; createdAt: string };
  'invite.accepted': { inviteId: string; inviter: string; invitee: string; acceptedAt: string };
  'webhook.test': { message: string };
}

/** The `data` of each event type (a type missing from this map fails the SDK's build). */
export type KongjianEventData = { [Type in KongjianEventType]: EventDataByType[Type] };

/** An event of one known type, with its `data` typed. */
export type KongjianWebhookEventOf<Type extends KongjianEventType> = KongjianWebhookEvent<
  KongjianEventData[Type]
> & { type: Type };

/** Any event of a type this SDK knows, as a union to `switch` on `type`. */
export type KnownKongjianWebhookEvent = {
  [Type in KongjianEventType]: KongjianWebhookEventOf<Type>;
}[KongjianEventType];

/**
 * True when the event is of `type`; its `data` is then typed as the host sends that type
 * (`if (isWebhookEventOfType(event, 'post.removed')) event.data.reason`).
 */
export function isWebhookEventOfType<Type extends KongjianEventType>(
  event: KongjianWebhookEvent<unknown>,
  type: Type,
): event is KongjianWebhookEventOf<Type> {
  return event.type === type;
}

export interface VerifyWebhookOptions {
  /** The app's webhook secret (`whsec_…`, from the developer console or `GET /developer/apps/{id}/webhook`). */
  secret: string;
  /** The raw request body, exactly as received. */
  body: string | Uint8Array;
  /** The `Kongjian-Signature` header's value. */
  signatureHeader: string | null | undefined;
  toleranceSeconds?: number;
  /** The current time (tests); defaults to the clock. */
  now?: Date | number;
}

export type WebhookSignatureProblem =
  | 'missing_header'
  | 'malformed_header'
  | 'timestamp_out_of_tolerance'
  | 'signature_mismatch'
  | 'invalid_event';

/** Why a webhook request was refused; answer such a request with 400 and do not act on it. */
export class WebhookSignatureError extends Error {
  constructor(
    readonly reason: WebhookSignatureProblem,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}

const encoder = new TextEncoder();

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function parseHeader(header: string): { timestamp: number; signatures: Uint8Array<ArrayBuffer>[] } {
  let timestamp: number | undefined;
  const signatures: Uint8Array<ArrayBuffer>[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't' && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === 'v1') {
      const bytes = hexToBytes(value);
      if (bytes) signatures.push(bytes);
    }
  }
  if (timestamp === undefined || signatures.length === 0) {
    throw new WebhookSignatureError(
      'malformed_header',
      `${WEBHOOK_SIGNATURE_HEADER} must look like "t=<unix seconds>,v1=<hex>"`,
    );
  }
  return { timestamp, signatures };
}

/** Throws a WebhookSignatureError unless the header signs `body` with `secret` within the tolerance. */
async function checkSignature(options: VerifyWebhookOptions): Promise<void> {
  if (typeof options.secret !== 'string' || options.secret === '') {
    throw new TypeError('verifyWebhookSignature needs the app’s webhook secret');
  }
  if (!options.signatureHeader) {
    throw new WebhookSignatureError('missing_header', `The ${WEBHOOK_SIGNATURE_HEADER} header is missing`);
  }
  const { timestamp, signatures } = parseHeader(options.signatureHeader);
  const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  const now = options.now === undefined ? Date.now() : new Date(options.now).getTime();
  if (Math.abs(now / 1000 - timestamp) > tolerance) {
    throw new WebhookSignatureError(
      'timestamp_out_of_tolerance',
      `The signature's timestamp is more than ${tolerance} s from now (a replay, or a wrong clock)`,
    );
  }
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    encoder.encode(options.secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  const prefix = encoder.encode(`${timestamp}.`);
  const body = typeof options.body === 'string' ? encoder.encode(options.body) : options.body;
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix);
  signed.set(body, prefix.length);
  for (const signature of signatures) {
    // subtle.verify compares in constant time.
    if (await globalThis.crypto.subtle.verify('HMAC', key, signature, signed)) return;
  }
  throw new WebhookSignatureError(
    'signature_mismatch',
    'The signature does not match this body and secret (was the body re-serialized, or the secret rotated?)',
  );
}

/**
 * True when `signatureHeader` signs the raw `body` with `secret` and its timestamp is within
 * `toleranceSeconds` (default 300) of now; false otherwise. Throws only when `secret` is missing.
 */
export async function verifyWebhookSignature(options: VerifyWebhookOptions): Promise<boolean> {
  try {
    await checkSignature(options);
    return true;
  } catch (error) {
    if (error instanceof WebhookSignatureError) return false;
    throw error;
  }
}

/** Parses a webhook body into its event; throws a WebhookSignatureError ('invalid_event') if it is not one. */
export function parseWebhookEvent<Data = Record<string, unknown>>(
  body: string | Uint8Array,
): KongjianWebhookEvent<Data> {
  let event: unknown;
  try {
    event = JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body));
  } catch {
    throw new WebhookSignatureError('invalid_event', 'The webhook body is not JSON');
  }
  const candidate = event as Partial<KongjianWebhookEvent> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.id !== 'string' ||
    typeof candidate.type !== 'string' ||
    typeof candidate.appId !== 'string' ||
    typeof candidate.createdAt !== 'string' ||
    typeof candidate.data !== 'object' ||
    candidate.data === null
  ) {
    throw new WebhookSignatureError('invalid_event', 'The webhook body is not a Kongjian event');
  }
  return candidate as KongjianWebhookEvent<Data>;
}

/**
 * Verifies the signature (throwing a WebhookSignatureError that says why it failed) and returns the
 * parsed event: the one call a webhook handler needs.
 */
export async function constructWebhookEvent<Data = Record<string, unknown>>(
  options: VerifyWebhookOptions,
): Promise<KongjianWebhookEvent<Data>> {
  await checkSignature(options);
  return parseWebhookEvent<Data>(options.body);
}
