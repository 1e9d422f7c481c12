import { PluginHttpError, type PluginContext } from '@kongjian/sdk/plugin';

/**
 * The Open API operations polls uses, as the acting user: app-wide storage (polls and votes are
 * shared between users), app friends, the profile, stories and reminders.
 */

export interface Versioned<T> {
  value: T;
  etag: string;
}

/** One operation of an atomic storage batch: all apply, or none does. */
export type BatchOperation =
  | { op: 'put'; key: string; value: unknown; ifMatch?: string; ifNoneMatch?: '*' }
  | { op: 'delete'; key: string; ifMatch?: string };

const PAGE_LIMIT = 100;
/** Pages read from one list before giving up on the rest (a bound on one call's work). */
const MAX_PAGES = 20;

/**
 * An answer the plugin did not expect. A quota the user ran into stays a 429 (they can wait); anything
 * else is a 502 carrying what the platform said.
 */
function unexpected(what: string, status: number, body: unknown): PluginHttpError {
  const detail = typeof body === 'object' && body !== null && 'detail' in body ? String(body.detail) : '';
  if (status === 429) return new PluginHttpError(429, 'quota_exceeded', detail || `${what}: try again later`);
  return new PluginHttpError(502, 'platform_error', `${what} failed (${status}) ${detail}`.trim());
}

const storagePath = (key: string) => `/open/v1/app-storage/${encodeURIComponent(key)}`;

export async function readItem<T>(ctx: PluginContext, key: string): Promise<Versioned<T> | null> {
  const response = await ctx.api.request<{ value: T }>('GET', storagePath(key));
  if (response.status === 404) return null;
  if (response.status !== 200) throw unexpected(`Reading ${key}`, response.status, response.body);
  return { value: response.body.value, etag: response.headers['etag'] };
}

/**
 * Applies every operation or none. When a precondition failed, says which operation's (its index in
 * `operations`; the platform names it as `operations[<index>]`).
 */
export async function writeBatch(
  ctx: PluginContext,
  operations: BatchOperation[],
): Promise<{ applied: true } | { applied: false; failed: number | null }> {
  const response = await ctx.api.request<{ errors?: { field: string }[] }>(
    'POST',
    '/open/v1/app-storage/batch',
    { body: { operations } },
  );
  if (response.status === 412) {
    const field = /^operations\[(\d+)\]/.exec(response.body?.errors?.[0]?.field ?? '');
    return { applied: false, failed: field ? Number(field[1]) : null };
  }
  if (response.status !== 200) throw unexpected('A storage batch', response.status, response.body);
  return { applied: true };
}

export interface ListedItem<T> {
  key: string;
  value: T;
  etag: string;
}

/** Every item under a key prefix (up to MAX_PAGES pages). */
export async function listItems<T>(ctx: PluginContext, prefix: string): Promise<ListedItem<T>[]> {
  const items: ListedItem<T>[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query: Record<string, string | number> = { prefix, limit: PAGE_LIMIT };
    if (cursor) query.cursor = cursor;
    const response = await ctx.api.request<{ items: ListedItem<T>[]; nextCursor: string | null }>(
      'GET',
      '/open/v1/app-storage',
      { query },
    );
    if (response.status !== 200) throw unexpected(`Listing ${prefix}`, response.status, response.body);
    items.push(...response.body.items);
    if (!response.body.nextCursor) break;
    cursor = response.body.nextCursor;
  }
  return items;
}

export interface Person {
  openid: string;
  nickname: string;
}

export async function me(ctx: PluginContext): Promise<Person> {
  const response = await ctx.api.request<Person>('GET', '/open/v1/me');
  if (response.status !== 200) throw unexpected('Reading the profile', response.status, response.body);
  return response.body;
}

/** The acting user's friends who use the app. */
export async function appFriends(ctx: PluginContext): Promise<Person[]> {
  const friends: Person[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query: Record<string, string | number> = { limit: PAGE_LIMIT };
    if (cursor) query.cursor = cursor;
    const response = await ctx.api.request<{ items: Person[]; nextCursor: string | null }>(
      'GET',
      '/open/v1/friends',
      { query },
    );
    if (response.status !== 200) throw unexpected('Listing friends', response.status, response.body);
    friends.push(...response.body.items);
    if (!response.body.nextCursor) break;
    cursor = response.body.nextCursor;
  }
  return friends;
}

/** Whether `openid` is an app friend of the acting user (an openid the app never saw is no friend). */
export async function isAppFriend(ctx: PluginContext, openid: string): Promise<boolean> {
  const response = await ctx.api.request<{ isFriend: boolean }>(
    'GET',
    `/open/v1/friends/${encodeURIComponent(openid)}`,
  );
  if (response.status === 404) return false;
  if (response.status !== 200) throw unexpected('Checking a friendship', response.status, response.body);
  return response.body.isFriend;
}

export async function postStory(
  ctx: PluginContext,
  text: string,
  privacy: 'public' | 'friends',
): Promise<void> {
  const response = await ctx.api.request('POST', '/open/v1/feed/stories', { body: { text, privacy } });
  // A story is a courtesy: over the daily quota, or refused by moderation, the poll goes on without it.
  if (response.status !== 201) ctx.log.warn('The story was not posted', { status: response.status });
}

/** Asks the platform to call the plugin back (`app.reminder`, acting as this user) at `at`. */
export async function setReminder(
  ctx: PluginContext,
  at: string,
  data: Record<string, unknown>,
): Promise<void> {
  const response = await ctx.api.request('POST', '/open/v1/reminders', { body: { at, data } });
  if (response.status !== 201 && response.status !== 200) {
    throw unexpected('Setting a reminder', response.status, response.body);
  }
}
