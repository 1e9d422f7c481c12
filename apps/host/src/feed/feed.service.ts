import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Keyset, keysetCondition } from '../common/pagination';
import { sqlRows } from '../database/sql';
import { PrivacyService } from '../privacy/privacy.service';
import type { FeedVerb } from './feed-entry.entity';

export interface FeedRow {
  id: string;
  actor_id: string;
  verb: FeedVerb;
  post_id: string;
  comment_id: string | null;
  created_at: Date;
}

@Injectable()
export class FeedService {
  constructor(
    private readonly em: EntityManager,
    private readonly privacy: PrivacyService,
  ) {}

  /**
   * One page of what the viewer and their friends did, newest first, filtered by the privacy rule.
   * Each actor's newest visible entries come from their own index range (a LATERAL top-N), so the
   * cost follows friends × page size, not how many posts exist.
   */
  async page(viewerId: string, limit: number, after: Keyset | undefined): Promise<FeedRow[]> {
    const keyset = keysetCondition('fe', after);
    const visible = this.privacy.visibleCondition(viewerId, { id: 'p.id', authorId: 'p.author_id', level: 'p.privacy' });
    return sqlRows<FeedRow>(
      this.em,
      `with actors as (
         select f.friend_id as id from friendship f where f.user_id = ?
         union all select ?::uuid
       )
       select e.id, e.actor_id, e.verb, e.post_id, e.comment_id, e.created_at
         from actors a
         cross join lateral (
           select fe.id, fe.actor_id, fe.verb, fe.post_id, fe.comment_id, fe.created_at
             from feed_entry fe join post p on p.id = fe.post_id
            where fe.actor_id = a.id and ${keyset.sql} and ${visible.sql}
            order by fe.created_at desc, fe.id desc
            limit ?
         ) e
        order by e.created_at desc, e.id desc
        limit ?`,
      [viewerId, viewerId, ...keyset.params, ...visible.params, limit + 1, limit + 1],
    );
  }
}
