/**
 * App-wide storage (`/open/v1/app-storage`: one store shared by all the app's users) with
 * compare-and-set: every write names the version it was computed from (If-Match, or If-None-Match: *
 * for a key not written yet), and a write that lost a race is computed again from fresh reads.
 */
import { type PluginContext } from '@kongjian/sdk/plugin';
import { bodyOf, header, MAX_PAGES, platformProblem, type Page } from './open-api';

export interface Versioned<T> {
  value: T;
  etag: string;
}

export interface ListedItem<T> extends Versioned<T> {
  key: string;
}

/** One operation of an atomic storage batch: all apply, or none does. */
export type BatchOperation =
  | { op: 'put'; key: string; value: unknown; ifMatch?: string; ifNoneMatch?: '*' }
  | { op: 'delete'; key: string; ifMatch?: string };

const STORAGE = '/open/v1/app-storage';
const LIST_PAGE_LIMIT = 100;

/** What a `round` of compareAndSet answers when its write lost a race: the round runs again. */
export const LOST_RACE = Symbol('lost race');

/** The precondition that makes a write land only on the version read (null: the key was absent). */
export function precondition(etag: string | null): { ifMatch: string } | { ifNoneMatch: '*' } {
  return etag === null ? { ifNoneMatch: '*' } : { ifMatch: etag };
}

export async function readItem<T>(ctx: PluginContext, key: string): Promise<Versioned<T> | null> {
  const response = await ctx.api.request<{ value: T }>('GET', `${STORAGE}/${encodeURIComponent(key)}`);
  if (response.status === 404) return null;
  const { value } = bodyOf(response, `Reading ${key}`, [200]);
  return { value, etag: header(response, 'etag') ?? '' };
}

/** Every item under a key prefix (up to MAX_PAGES pages). */
export async function listItems<T>(ctx: PluginContext, prefix: string): Promise<ListedItem<T>[]> {
  const items: ListedItem<T>[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query: Record<string, string | number> = { prefix, limit: LIST_PAGE_LIMIT };
    if (cursor) query.cursor = cursor;
    const response = await ctx.api.request<Page<ListedItem<T>>>('GET', STORAGE, { query });
    const listed = bodyOf(response, `Listing ${prefix}`, [200]);
    items.push(...listed.items);
    if (!listed.nextCursor) break;
    cursor = listed.nextCursor;
  }
  return items;
}

/**
 * Applies every operation or none. When a precondition failed, says which operation's (its index in
 * `operations`; the platform names it as `operations[<index>]`).
 */
export async function writeBatch(
  ctx: PluginContext,
  operations: BatchOperation[],
): Promise<{ applied: true } | { applied: false; failed: number | null }> {
  const response = await ctx.api.request<{ errors?: { field: string }[] }>('POST', `${STORAGE}/batch`, {
    body: { operations },
  });
  if (response.status === 412) {
    const field = /^operations\[(\d+)\]/.exec(response.body?.errors?.[0]?.field ?? '');
    return { applied: false, failed: field ? Number(field[1]) : null };
  }
  if (response.status !== 200) throw platformProblem(response, 'A storage batch');
  return { applied: true };
}

/**
 * Runs `round` (read, compute, write with preconditions) until it answers something other than
 * LOST_RACE; after `attempts` lost races the route gives up with `busy()`.
 */
export async function compareAndSet<T>(
  attempts: number,
  busy: () => Error,
  round: () => Promise<T | typeof LOST_RACE>,
): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const outcome = await round();
    if (outcome !== LOST_RACE) return outcome;
  }
  throw busy();
}
