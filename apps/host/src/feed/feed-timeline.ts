import { encodeCursor, type Keyset } from '../common/pagination';
import type { FeedItemResponse, FeedPage } from './dto/feed.dto';
import type { FeedRow } from './feed.repository';

/**
 * A stretch of one viewer's feed: the visible entries strictly older than `start` (null: the newest),
 * newest first, as many as were read, and the items that show them. When `complete`, nothing older is
 * left; otherwise the last row was read only to tell that, and has no item.
 */
export interface TimelineChunk {
  start: Keyset | null;
  rows: FeedRow[];
  items: FeedItemResponse[];
  complete: boolean;
}

/** The order of the feed, as the SQL's `(created_at, id) < (…)` sees it: negative when `a` is older. */
export function compareKeysets(a: Keyset, b: Keyset): number {
  const byTime = a.createdAt.getTime() - b.createdAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function rowKeyset(row: FeedRow): Keyset {
  return { createdAt: new Date(row.created_at), id: row.id };
}

/**
 * The page after `after` when the chunk holds all of it (and knows whether a next page exists);
 * undefined when it does not: the cursor is newer than the chunk's start, or the page runs past the rows
 * read.
 */
export function pageFromChunk(
  chunk: TimelineChunk,
  after: Keyset | undefined,
  limit: number,
): FeedPage | undefined {
  if (after && chunk.start && compareKeysets(after, chunk.start) > 0) return undefined;
  if (!after && chunk.start) return undefined;
  let first = 0;
  if (after) {
    while (first < chunk.rows.length && compareKeysets(rowKeyset(chunk.rows[first]), after) >= 0) first++;
  }
  const end = first + limit;
  if (end >= chunk.rows.length && !chunk.complete) return undefined;
  const hasNext = end < chunk.rows.length;
  return {
    items: chunk.items.slice(first, end),
    nextCursor: hasNext ? encodeCursor(rowKeyset(chunk.rows[end - 1])) : null,
  };
}
