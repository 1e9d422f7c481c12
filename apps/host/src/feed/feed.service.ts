import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Keyset, keysetCondition } from '../common/pagination';
import { sqlRows } from '../database/sql';
import { moderatedCondition, PrivacyService } from '../privacy/privacy.service';
import type { FeedVerb } from './feed-entry.entity';

export interface FeedRow {
  id: string;
  actor_id: string;
  verb: FeedVerb;
  post_id: string;
  comment_id: string | null;
  created_at: Date;
}

/**
 * How many of the newest entries (before privacy) the first pass keeps, per entry wanted: when at
 * least one in this many is visible, the page is found among them.
 */
const CANDIDATES_PER_ITEM = 3;

@Injectable()
export class FeedService {
  constructor(
    private readonly em: EntityManager,
    private readonly privacy: PrivacyService,
  ) {}

  /**
   * One page of what the viewer and their friends did, newest first, filtered by the privacy rule.
   *
   * Each actor's entries come from their own index range (a LATERAL top-N), so the cost follows
   * friends × page size rather than the number of posts. A first pass over the index alone finds the
   * time of the newest `limit × CANDIDATES_PER_ITEM` entries; the privacy rule then only runs on
   * entries at least that new. If fewer than a page of those are visible, the page is read again
   * without the bound (small feeds, last pages, or mostly hidden activity).
   */
  async page(viewerId: string, limit: number, after: Keyset | undefined): Promise<FeedRow[]> {
    const bounded = await this.query(viewerId, limit + 1, after, (limit + 1) * CANDIDATES_PER_ITEM);
    // A full page (plus the row that proves a next page) within the bound is exactly the right page.
    if (bounded.length > limit) return bounded;
    return this.query(viewerId, limit + 1, after, undefined);
  }

  private async query(
    viewerId: string,
    take: number,
    after: Keyset | undefined,
    candidates: number | undefined,
  ): Promise<FeedRow[]> {
    const keyset = keysetCondition('fe', after);
    const candidateKeyset = keysetCondition('ce', after);
    const visible = this.privacy.visibleCondition(viewerId, {
      id: 'p.id',
      authorId: 'p.author_id',
      level: 'p.privacy',
      moderation: 'p.moderation',
    });
    // A 'commented' entry also needs its comment visible (a held comment is its author's alone).
    const comment = moderatedCondition(viewerId, { authorId: 'fc.author_id', moderation: 'fc.moderation' });
    const bound = candidates
      ? {
          cte: `, candidates as (
                  select c.created_at from actors a
                   cross join lateral (
                     select ce.created_at from feed_entry ce
                      where ce.actor_id = a.id and ${candidateKeyset.sql}
                      order by ce.created_at desc, ce.id desc limit ?
                   ) c
                   order by c.created_at desc limit ?
                ),
                bound as (select min(created_at) as oldest from candidates)`,
          params: [...candidateKeyset.params, candidates, candidates],
          condition: 'and fe.created_at >= (select oldest from bound)',
        }
      : { cte: '', params: [], condition: '' };
    return sqlRows<FeedRow>(
      this.em,
      `with actors as (
         select f.friend_id as id from friendship f where f.user_id = ?
         union all select ?::uuid
       ) ${bound.cte}
       select e.id, e.actor_id, e.verb, e.post_id, e.comment_id, e.created_at
         from actors a
         cross join lateral (
           select fe.id, fe.actor_id, fe.verb, fe.post_id, fe.comment_id, fe.created_at
             from feed_entry fe join post p on p.id = fe.post_id
             left join comment fc on fc.id = fe.comment_id
            where fe.actor_id = a.id and ${keyset.sql} ${bound.condition} and ${visible.sql}
              and (fe.comment_id is null or ${comment.sql})
            order by fe.created_at desc, fe.id desc
            limit ?
         ) e
        order by e.created_at desc, e.id desc
        limit ?`,
      [
        viewerId,
        viewerId,
        ...bound.params,
        ...keyset.params,
        ...visible.params,
        ...comment.params,
        take,
        take,
      ],
    );
  }
}
