import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Keyset, keysetCondition } from '../common/pagination';
import { sqlRows } from '../database/sql';
import { friendIdsQuery } from '../friends/friends.fragments';
import { optionalCommentJoin, visiblePostJoin } from '../posts/posts.fragments';
import { FeedEntry, FeedVerb } from './feed-entry.entity';

export interface FeedRow {
  id: string;
  actor_id: string;
  verb: FeedVerb;
  post_id: string;
  comment_id: string | null;
  created_at: Date;
}

/** SQL of the feed_entry table; the friend graph, posts and comments come in as their modules' fragments. */
@Injectable()
export class FeedRepository {
  constructor(private readonly em: EntityManager) {}

  /** Records an entry in the caller's unit of work (it is written with the caller's flush). */
  record(actorId: string, verb: FeedVerb, postId: string, commentId: string | null, now: Date): void {
    this.em.persist(this.em.create(FeedEntry, { actorId, verb, postId, commentId, createdAt: now }));
  }

  /** Whose entries the viewer's feed shows: their friends' and their own. */
  async actorIds(viewerId: string): Promise<string[]> {
    const friends = friendIdsQuery(viewerId);
    const rows = await sqlRows<{ id: string }>(this.em, friends.sql, friends.params);
    return [...rows.map((row) => row.id), viewerId];
  }

  /**
   * Up to `take` of the newest entries of the viewer and their friends after the keyset, whose post
   * (and comment, if any) the viewer may see. With `candidates`, only entries at least as new as the
   * newest `candidates` entries before privacy are considered (FeedService.page says why).
   *
   * Each actor's entries come from their own index range (a LATERAL top-N), so the cost follows
   * friends × page size rather than the number of posts.
   */
  page(
    viewerId: string,
    take: number,
    after: Keyset | undefined,
    candidates: number | undefined,
  ): Promise<FeedRow[]> {
    const keyset = keysetCondition('fe', after);
    const candidateKeyset = keysetCondition('ce', after);
    const friends = friendIdsQuery(viewerId);
    const post = visiblePostJoin(viewerId, 'fe.post_id', 'p');
    // A 'commented' entry also needs its comment visible (a held comment is its author's alone).
    const comment = optionalCommentJoin(viewerId, 'fe.comment_id', 'fc');
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
         ${friends.sql}
         union all select ?::uuid
       ) ${bound.cte}
       select e.id, e.actor_id, e.verb, e.post_id, e.comment_id, e.created_at
         from actors a
         cross join lateral (
           select fe.id, fe.actor_id, fe.verb, fe.post_id, fe.comment_id, fe.created_at
             from feed_entry fe ${post.join}
             ${comment.join}
            where fe.actor_id = a.id and ${keyset.sql} ${bound.condition} and ${post.where.sql}
              and ${comment.where.sql}
            order by fe.created_at desc, fe.id desc
            limit ?
         ) e
        order by e.created_at desc, e.id desc
        limit ?`,
      [
        ...friends.params,
        viewerId,
        ...bound.params,
        ...keyset.params,
        ...post.where.params,
        ...comment.where.params,
        take,
        take,
      ],
    );
  }
}
