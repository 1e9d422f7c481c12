import { decodeCursor, type Keyset } from '../common/pagination';
import type { FeedItemResponse, FeedPage } from './dto/feed.dto';
import type { FeedRow } from './feed.repository';
import { pageFromChunk, rowKeyset, type TimelineChunk } from './feed-timeline';

/** Entries one minute apart, newest first, numbered from the newest. */
const rows: FeedRow[] = Array.from({ length: 10 }, (_, n) => ({
  id: `00000000-0000-7000-8000-${String(100 - n).padStart(12, '0')}`,
  actor_id: 'a',
  verb: 'posted',
  post_id: `p${n}`,
  comment_id: null,
  created_at: new Date(Date.UTC(2026, 0, 1, 12, 60 - n)),
}));

/** Rows `from`…`to` read after the row before `from`; without `complete`, the last was read to see more. */
const chunkOf = (chunkRows: FeedRow[], start: Keyset | null, complete: boolean): TimelineChunk => ({
  start,
  rows: chunkRows,
  items: (complete ? chunkRows : chunkRows.slice(0, -1)).map(
    (row) => ({ id: row.id, post: { id: row.post_id } }) as FeedItemResponse,
  ),
  complete,
});
const chunk = (from: number, to: number, complete: boolean) =>
  chunkOf(rows.slice(from, to), from === 0 ? null : rowKeyset(rows[from - 1]), complete);

/** A page as its posts, and the row its next cursor names. */
const shown = (page: FeedPage | undefined) =>
  page && {
    posts: page.items.map((item) => item.post.id),
    next: page.nextCursor && rows.findIndex((row) => row.id === decodeCursor(page.nextCursor!)!.id),
  };

describe('pageFromChunk', () => {
  it('gives the page after a cursor inside the chunk, with a cursor when a next page exists', () => {
    expect(shown(pageFromChunk(chunk(0, 8, false), rowKeyset(rows[1]), 3))).toEqual({
      posts: ['p2', 'p3', 'p4'],
      next: 4,
    });
    expect(shown(pageFromChunk(chunk(2, 8, false), rowKeyset(rows[1]), 2))).toEqual({
      posts: ['p2', 'p3'],
      next: 3,
    });
  });

  it('gives the first page only from a chunk that starts at the newest entry', () => {
    expect(shown(pageFromChunk(chunk(0, 4, false), undefined, 3))).toEqual({
      posts: ['p0', 'p1', 'p2'],
      next: 2,
    });
    expect(pageFromChunk(chunk(2, 8, false), undefined, 3)).toBeUndefined();
  });

  it('refuses a page that runs past the rows read, unless the feed ends there', () => {
    expect(pageFromChunk(chunk(0, 6, false), rowKeyset(rows[2]), 3)).toBeUndefined();
    expect(shown(pageFromChunk(chunk(0, 10, true), rowKeyset(rows[6]), 5))).toEqual({
      posts: ['p7', 'p8', 'p9'],
      next: null,
    });
    expect(shown(pageFromChunk(chunk(0, 10, true), rowKeyset(rows[4]), 5))).toEqual({
      posts: ['p5', 'p6', 'p7', 'p8', 'p9'],
      next: null,
    });
    expect(shown(pageFromChunk(chunk(0, 10, true), rowKeyset(rows[9]), 5))).toEqual({
      posts: [],
      next: null,
    });
  });

  it('refuses a cursor newer than where the chunk starts: the rows between were not read', () => {
    expect(pageFromChunk(chunk(4, 10, true), rowKeyset(rows[1]), 2)).toBeUndefined();
  });

  it('orders entries of the same instant by id, as the SQL does', () => {
    const sameTime = rows.slice(0, 4).map((row) => ({ ...row, created_at: rows[0].created_at }));
    const page = pageFromChunk(chunkOf(sameTime, null, true), rowKeyset(sameTime[1]), 5);
    expect(page?.items.map((item) => item.post.id)).toEqual(['p2', 'p3']);
  });
});
