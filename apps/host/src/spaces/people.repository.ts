import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ADMIN_DIRECTORY_ACCOUNTS, DIRECTORY_ACCOUNTS } from '../accounts/accounts.fragments';
import { sqlRows } from '../database/sql';
import { unblockedCondition } from '../friends/friends.fragments';
import { nicknameKeyQuery } from '../profiles/profiles.fragments';

/**
 * How well a person matches a search: 0 an exact username or nickname, 1 one that starts with the
 * text, 2 one that contains it. Search results are ordered by (rank, username key, id).
 */
export type MatchRank = 0 | 1 | 2;

/** A position in search results: the last person of the previous page. */
export interface PeopleKeyset {
  rank: MatchRank;
  usernameKey: string;
  id: string;
}

export interface PersonMatchRow {
  id: string;
  username_key: string;
  rank: MatchRank;
}

/** SQL of people search, for PeopleService. */
@Injectable()
export class PeopleRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * People whose username or nickname contains `needle` (already NFKC-normalized and lower-cased;
   * nicknames are compared the same way), best matches first. A viewer finds people as the directory
   * shows them, leaving out either side of a block; `admin` finds every account, suspended ones too.
   * A scan with a substring test: fine for a directory of this size; a trigram index is the way on
   * once it is not.
   */
  searchPeople(
    searcher: { viewerId: string } | 'admin',
    needle: string,
    limit: number,
    after: PeopleKeyset | undefined,
  ): Promise<PersonMatchRow[]> {
    const unblocked =
      searcher === 'admin' ? { sql: 'true', params: [] } : unblockedCondition('u.id', searcher.viewerId);
    const accounts = searcher === 'admin' ? ADMIN_DIRECTORY_ACCOUNTS : DIRECTORY_ACCOUNTS;
    const keyset = after
      ? {
          sql: '(m.rank, m.username_key, m.id) > (?, ?, ?)',
          params: [after.rank, after.usernameKey, after.id],
        }
      : { sql: 'true', params: [] };
    return sqlRows<PersonMatchRow>(
      this.em,
      `with needle as (select ?::text as q)
       select m.id, m.username_key, m.rank from (
         select u.id, u.username_key,
                least(case when u.username_key = needle.q then 0
                           when starts_with(u.username_key, needle.q) then 1 else 2 end,
                      case when n.nick = needle.q then 0
                           when starts_with(n.nick, needle.q) then 1 else 2 end) as rank
           from ${accounts} u
           cross join needle
           left join lateral (${nicknameKeyQuery('u.id')}) n on true
          where (strpos(u.username_key, needle.q) > 0 or strpos(n.nick, needle.q) > 0)
            and ${unblocked.sql}
       ) m
       where ${keyset.sql}
       order by m.rank, m.username_key, m.id
       limit ?`,
      [needle, ...unblocked.params, ...keyset.params, limit + 1],
    );
  }
}
