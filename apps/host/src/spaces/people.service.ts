import { Injectable } from '@nestjs/common';
import { AccountsService, usernameKey } from '../accounts/accounts.service';
import { LIMITS } from '../common/limits';
import { isId } from '../common/ids';
import { invalidCursor } from '../common/pagination';
import { notFound } from '../common/problem';
import { FriendsService, type PersonRelation } from '../friends/friends.service';
import { UserDirectoryService, type UserSummary } from '../profiles/user-directory.service';
import { MatchRank, PeopleKeyset, PeopleRepository } from './people.repository';

/** A person as a viewer finds them: how they are shown, and how the viewer stands to them. */
export interface Person {
  summary: UserSummary;
  relation: PersonRelation;
}

export function encodePeopleCursor(key: PeopleKeyset): string {
  return Buffer.from(JSON.stringify([key.rank, key.usernameKey, key.id])).toString('base64url');
}

export function decodePeopleCursor(cursor: string | undefined): PeopleKeyset | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      [0, 1, 2].includes(parsed[0] as number) &&
      typeof parsed[1] === 'string' &&
      typeof parsed[2] === 'string' &&
      isId(parsed[2])
    ) {
      return { rank: parsed[0] as MatchRank, usernameKey: parsed[1], id: parsed[2] };
    }
  } catch {
    // fall through to the problem below
  }
  throw invalidCursor();
}

/** Finding people: search by name and lookup by username, never showing either side of a block. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly repository: PeopleRepository,
    private readonly directory: UserDirectoryService,
    private readonly friends: FriendsService,
    private readonly accounts: AccountsService,
  ) {}

  /**
   * People whose username or nickname contains `text` (trimmed by the caller, case- and
   * width-insensitive): exact matches first, then those starting with it, then the rest, each by
   * username.
   */
  async search(
    viewerId: string,
    text: string,
    limit: number,
    cursor: string | undefined,
  ): Promise<{ items: Person[]; nextCursor: string | null }> {
    const page = await this.match({ viewerId }, text, limit, cursor);
    const [people, relations] = await Promise.all([
      this.directory.summaries(page.ids),
      this.friends.relationships(viewerId, page.ids),
    ]);
    return {
      // A block made between the query and now hides the person too.
      items: page.ids.flatMap((id) => {
        const summary = people.get(id);
        const relation = relations.get(id);
        return summary && relation && !relation.blockedByThem ? [{ summary, relation }] : [];
      }),
      nextCursor: page.nextCursor,
    };
  }

  /** The admins' search: the same matching and order over every account, suspended ones too. */
  searchAccounts(
    text: string,
    limit: number,
    cursor: string | undefined,
  ): Promise<{ ids: string[]; nextCursor: string | null }> {
    return this.match('admin', text, limit, cursor);
  }

  private async match(
    searcher: { viewerId: string } | 'admin',
    text: string,
    limit: number,
    cursor: string | undefined,
  ): Promise<{ ids: string[]; nextCursor: string | null }> {
    const rows = await this.repository.searchPeople(
      searcher,
      usernameKey(text),
      limit,
      decodePeopleCursor(cursor),
    );
    const pageRows = rows.slice(0, limit);
    const last = pageRows[pageRows.length - 1];
    return {
      ids: pageRows.map((row) => row.id),
      nextCursor:
        rows.length > limit && last
          ? encodePeopleCursor({ rank: last.rank, usernameKey: last.username_key, id: last.id })
          : null,
    };
  }

  /**
   * The user with this username in any letter case. Someone who blocked the viewer is not found,
   * exactly as if the name were free, so a block cannot be detected this way.
   */
  async byUsername(viewerId: string | null, username: string): Promise<Person> {
    // No username is longer, or holds a NUL (which PostgreSQL text cannot).
    if (username.length > LIMITS.usernameMax || username.includes('\0')) throw notFound('User');
    const user = await this.accounts.presentTo(viewerId, (await this.accounts.findByUsername(username)).id);
    const [summary, relations] = await Promise.all([
      this.directory.summary(user.id),
      this.friends.relationships(viewerId, [user.id]),
    ]);
    const relation = relations.get(user.id)!;
    if (relation.blockedByThem) throw notFound('User');
    return { summary, relation };
  }
}
