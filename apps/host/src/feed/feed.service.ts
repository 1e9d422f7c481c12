import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { Keyset } from '../common/pagination';
import { type ChangeCache, ChangeFeed } from '../database/change-feed';
import { PostActivities } from '../posts/post-activity';
import type { FeedItemResponse, FeedPage } from './dto/feed.dto';
import { FeedRepository, FeedRow } from './feed.repository';
import { pageFromChunk, type TimelineChunk } from './feed-timeline';

export type { FeedRow } from './feed.repository';

/** Shows entries as items, naming what the database announces when something shown changes. */
export type FeedRenderer = (rows: FeedRow[]) => Promise<{ items: FeedItemResponse[]; changeTags: string[] }>;

/**
 * How many of the newest entries (before privacy) the first pass keeps, per entry wanted: when at
 * least one in this many is visible, the page is found among them.
 */
const CANDIDATES_PER_ITEM = 3;

/** The information center: it records what people do with posts and shows it to their friends. */
@Injectable()
export class FeedService implements OnModuleInit {
  /**
   * Each viewer's first page, the one everyone opens, as it was shown, until the database says something
   * it was made from changed (Migration20261206090000_feed_change_notifications): the friend list
   * (`friends:`), the viewer's friend groups (`groups:`), any actor's entries or the privacy of what they
   * show (`feed:`), a suspension (`feed:*`), and whatever the page shows of posts, people and apps (the
   * tags its renderer names). Later pages come from `chunks`.
   */
  private readonly firstPages: ChangeCache<FeedPage>;
  /**
   * The later pages, read and shown a chunk of LIMITS.feedTimelineChunkEntries entries at a time, so
   * someone scrolling down reads the database once every few pages. Dropped on the same changes as a
   * first page, keyed by the viewer and where the chunk starts.
   */
  private readonly chunks: ChangeCache<TimelineChunk>;
  /** Where each viewer's chunks start, to find the one that holds a cursor; the longest-unused viewer goes. */
  private readonly chunkStarts = new Map<string, Keyset[]>();

  constructor(
    private readonly repository: FeedRepository,
    private readonly activities: PostActivities,
    @Inject(Clock) private readonly clock: Clock,
    changes: ChangeFeed,
  ) {
    this.firstPages = changes.cache('first feed pages', LIMITS.firstFeedPagesCached);
    this.chunks = changes.cache('feed timeline chunks', LIMITS.feedTimelineChunksCached);
  }

  onModuleInit(): void {
    // Recorded in the transaction of the post or comment it tells of.
    this.activities.listen((activity) =>
      this.repository.record(
        activity.actorId,
        activity.verb,
        activity.postId,
        activity.commentId ?? null,
        this.clock.now(),
      ),
    );
  }

  /** The first page of what the viewer and their friends did, as `render` shows the page's rows. */
  async firstPage(viewerId: string, limit: number, render: FeedRenderer): Promise<FeedPage> {
    const page = await this.firstPages.read(`${viewerId}:${limit}`, async () => {
      const { chunk, tags } = await this.readChunk(viewerId, null, render, () => limit);
      return { value: pageFromChunk(chunk, undefined, limit)!, tags };
    });
    return page!;
  }

  /** The page after `after`, from a kept chunk of the feed when one holds it, else from a new chunk. */
  async pageAfter(viewerId: string, limit: number, after: Keyset, render: FeedRenderer): Promise<FeedPage> {
    const starts = this.chunkStarts.get(viewerId) ?? [];
    this.chunkStarts.delete(viewerId);
    const live = starts.filter((start) => this.chunks.cached(chunkKey(viewerId, start)));
    this.chunkStarts.set(viewerId, live);
    for (const start of live) {
      const page = pageFromChunk(this.chunks.cached(chunkKey(viewerId, start))!, after, limit);
      if (page) return page;
    }
    const chunk = await this.chunks.read(chunkKey(viewerId, after), async () => {
      // A chunk is kept only with all its tags; a viewer with so many friends that it could not be is
      // read a page at a time, not a chunk every time.
      const keepable = (entryTags: string[]) => entryTags.length <= LIMITS.changeCacheTagsPerEntry / 2;
      const { chunk, tags } = await this.readChunk(viewerId, after, render, (entryTags) =>
        keepable(entryTags) ? Math.max(LIMITS.feedTimelineChunkEntries, limit) : limit,
      );
      return { value: chunk, tags };
    });
    this.chunkStarts.set(viewerId, [...live, after]);
    if (this.chunkStarts.size > LIMITS.feedTimelineChunksCached) {
      this.chunkStarts.delete(this.chunkStarts.keys().next().value!);
    }
    return pageFromChunk(chunk!, after, limit)!;
  }

  /**
   * The entries after `start` (null: the newest) as shown, as many as `sizeFor` says for the tags of the
   * viewer's entries, and the tags of all they were made from.
   */
  private async readChunk(
    viewerId: string,
    start: Keyset | null,
    render: FeedRenderer,
    sizeFor: (entryTags: string[]) => number,
  ): Promise<{ chunk: TimelineChunk; tags: string[] }> {
    const entryTags = await this.entryTags(viewerId);
    const size = sizeFor(entryTags);
    const rows = await this.page(viewerId, size, start ?? undefined);
    const complete = rows.length <= size;
    const { items, changeTags } = await render(complete ? rows : rows.slice(0, size));
    return { chunk: { start, rows, items, complete }, tags: [...entryTags, ...changeTags] };
  }

  /**
   * What a viewer's entries are read from: their friend list and groups, each actor's entries and the
   * privacy of what they show, and suspensions (`firstPages` names the triggers).
   */
  private async entryTags(viewerId: string): Promise<string[]> {
    const actorIds = await this.repository.actorIds(viewerId);
    return [`friends:${viewerId}`, `groups:${viewerId}`, 'feed:*', ...actorIds.map((id) => `feed:${id}`)];
  }

  /**
   * One page of what the viewer and their friends did, newest first, filtered by the privacy rule.
   *
   * A first pass over the index alone finds the time of the newest `limit × CANDIDATES_PER_ITEM`
   * entries; the privacy rule then only runs on entries at least that new. If fewer than a page of
   * those are visible, the page is read again without the bound (small feeds, last pages, or mostly
   * hidden activity).
   */
  private async page(viewerId: string, limit: number, after: Keyset | undefined): Promise<FeedRow[]> {
    const bounded = await this.repository.page(viewerId, limit + 1, after, (limit + 1) * CANDIDATES_PER_ITEM);
    // A full page (plus the row that proves a next page) within the bound is exactly the right page.
    if (bounded.length > limit) return bounded;
    return this.repository.page(viewerId, limit + 1, after, undefined);
  }
}

function chunkKey(viewerId: string, start: Keyset): string {
  return `${viewerId}:${start.createdAt.toISOString()}:${start.id}`;
}
