/**
 * Every event type an app can receive. Payloads name users only by the receiving app's openids.
 * - app.installed: the user installed the app, from the app center or on its OAuth consent page; once per
 *   install (signing in again, or accepting a newer version's scopes, installs nothing).
 * - app.uninstalled: the user uninstalled the app in the app center.
 * - app.deauthorized: the user withdrew the app's authorization (my authorized apps).
 * - post.created: a story the app posted for its user was published (at once, or when a moderator approved it).
 * - post.held: a story the app posted waits for a moderator (only its user sees it meanwhile).
 * - post.removed: a story the app posted was rejected or taken down by a moderator, or deleted by its user.
 * - friend.added: two users of the app became friends.
 * - gift.received: a gift the app sent reached its recipient.
 * - order.paid / order.refunded: an order the app created was paid, or refunded undelivered.
 * - app.reminder: a reminder the app set for its user came due.
 * - app.invited: the app's user invited a friend who does not use the app (from the app or the app center).
 * - invite.accepted: an invited friend installed the app; one for each inviter whose invite was pending.
 */
export const EVENT_TYPES = [
  'app.installed',
  'app.uninstalled',
  'app.deauthorized',
  'post.created',
  'post.held',
  'post.removed',
  'friend.added',
  'gift.received',
  'order.paid',
  'order.refunded',
  'app.reminder',
  'app.invited',
  'invite.accepted',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/**
 * What "send a test event" sends: signed and delivered like any event, whatever the manifest lists,
 * and never caused by anything but the developer asking for it (so a manifest cannot list it).
 */
export const TEST_EVENT_TYPE = 'webhook.test';

/** Every type a delivery can have: the events apps list, and the test event. */
export const DELIVERED_EVENT_TYPES = [...EVENT_TYPES, TEST_EVENT_TYPE] as const;
export type DeliveredEventType = (typeof DELIVERED_EVENT_TYPES)[number];

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}

/** What a receiver gets: the webhook body, and the JSON a plugin's event handler is called with. */
export interface AppEvent {
  id: string;
  type: DeliveredEventType;
  appId: string;
  createdAt: string;
  data: Record<string, unknown>;
}
