import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { notSuspended } from '../accounts/accounts.fragments';
import { newId } from '../common/ids';
import { Keyset, keysetCondition } from '../common/pagination';
import { sqlRows } from '../database/sql';

export interface VisitorRow {
  id: string;
  visitor_id: string;
  visited_at: Date;
}

/** SQL of the visitor log (space_visit) for SpacesService. */
@Injectable()
export class SpaceVisitsRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * One entry per visitor per day (`day`, the UTC date); a later visit that day only moves its time.
   * Returns whether this was the visitor's first visit of the day.
   */
  async record(ownerId: string, visitorId: string, day: string, now: Date): Promise<boolean> {
    const [row] = await sqlRows<{ first: boolean }>(
      this.em,
      `insert into space_visit (id, owner_id, visitor_id, day, visited_at) values (?, ?, ?, ?, ?)
       on conflict (owner_id, visitor_id, day) do update set visited_at = greatest(space_visit.visited_at, excluded.visited_at)
       returning (xmax = 0) as first`,
      [newId(), ownerId, visitorId, day, now],
    );
    return row.first;
  }

  /** The log's counts, in all and on `day`, leaving out suspended visitors. */
  async counts(ownerId: string, day: string): Promise<{ total: number; today: number }> {
    const [row] = await sqlRows<{ total: number; today: number }>(
      this.em,
      `select count(*)::int as total, (count(*) filter (where day = ?))::int as today
         from space_visit where owner_id = ? and ${notSuspended('visitor_id')}`,
      [day, ownerId],
    );
    return row;
  }

  /** The owner's log, latest visit first, without suspended visitors; one more than `limit`. */
  list(ownerId: string, limit: number, after: Keyset | undefined): Promise<VisitorRow[]> {
    const keyset = keysetCondition('v', after, 'visited_at');
    return sqlRows<VisitorRow>(
      this.em,
      `select v.id, v.visitor_id, v.visited_at from space_visit v
        where v.owner_id = ? and ${notSuspended('v.visitor_id')} and ${keyset.sql}
        order by v.visited_at desc, v.id desc limit ?`,
      [ownerId, ...keyset.params, limit + 1],
    );
  }
}
