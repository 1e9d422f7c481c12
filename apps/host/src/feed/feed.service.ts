import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock';
import { Keyset } from '../common/pagination';
import { PostActivities } from '../posts/post-activity';
import { FeedRepository, FeedRow } from './feed.repository';

export type { FeedRow } from './feed.repository';

/**
 * How many of the newest entries (before privacy) the first pass keeps, per entry wanted: when at
 * least one in this many is visible, the page is found among them.
 */
const CANDIDATES_PER_ITEM = 3;

/** The information center: it records what people do with posts and shows it to their friends. */
@Injectable()
export class FeedService implements OnModuleInit {
  constructor(
    private readonly repository: FeedRepository,
    private readonly activities: PostActivities,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

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
