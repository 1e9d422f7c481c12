import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { Keyset } from '../common/pagination';
import { type ChangeCache, ChangeFeed } from '../database/change-feed';
import { PostActivities } from '../posts/post-activity';
import type { FeedPage } from './dto/feed.dto';
import { FeedRepository, FeedRow } from './feed.repository';

export type { FeedRow } from './feed.repository';

/** Shows a page's rows, naming what the database announces when something shown changes. */
export type FeedRenderer = (rows: FeedRow[]) => Promise<{ page: FeedPage; changeTags: string[] }>;

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
   * tags its renderer names). Later pages are read each time.
   */
  private readonly firstPages: ChangeCache<FeedPage>;

  constructor(
    private readonly repository: FeedRepository,
    private readonly activities: PostActivities,
    @Inject(Clock) private readonly clock: Clock,
    changes: ChangeFeed,
  ) {
    this.firstPages = changes.cache('first feed pages', LIMITS.firstFeedPagesCached);
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
      const actorIds = await this.repository.actorIds(viewerId);
      const { page, changeTags } = await render(await this.page(viewerId, limit, undefined));
      const entryTags = [
        `friends:${viewerId}`,
        `groups:${viewerId}`,
        'feed:*',
        ...actorIds.map((id) => `feed:${id}`),
      ];
      return { value: page, tags: [...entryTags, ...changeTags] };
    });
    return page!;
  }

  /**
   * One page of what the viewer and their friends did, newest first, filtered by the privacy rule.
   *
   * A first pass over the index alone finds the time of the newest `limit × CANDIDATES_PER_ITEM`
   * entries; the privacy rule then only runs on entries at least that new. If fewer than a page of
   * those are visible, the page is read again without the bound (small feeds, last pages, or mostly
   * hidden activity).
   */
  async page(viewerId: string, limit: number, after: Keyset | undefined): Promise<FeedRow[]> {
    const bounded = await this.repository.page(viewerId, limit + 1, after, (limit + 1) * CANDIDATES_PER_ITEM);
    // A full page (plus the row that proves a next page) within the bound is exactly the right page.
    if (bounded.length > limit) return bounded;
    return this.repository.page(viewerId, limit + 1, after, undefined);
  }
}
