import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { AccountsService } from '../accounts/accounts.service';
import { LIMITS } from '../common/limits';
import { ChangeCache, ChangeFeed } from '../database/change-feed';
import { ProfilesRepository } from './profiles.repository';

/** How other features show a person: enough to render a name and a head portrait, nothing private. */
export class UserSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() nickname!: string;
  @ApiProperty({ type: String, nullable: true }) avatarUrl!: string | null;
}

/**
 * Summaries of users for every list that shows people; a user without a space row shows defaults. Cached
 * until the user's name, nickname or head portrait changes, as the database's change feed announces.
 */
@Injectable()
export class UserDirectoryService {
  private readonly cache: ChangeCache<UserSummary>;

  constructor(
    private readonly repository: ProfilesRepository,
    private readonly accounts: AccountsService,
    changes: ChangeFeed,
  ) {
    this.cache = changes.cache('user summaries', LIMITS.changeCacheEntries);
  }

  async summaries(ids: Iterable<string>): Promise<Map<string, UserSummary>> {
    return this.cache.readMany(ids, async (missing) => {
      const [usernames, spaces] = await Promise.all([
        this.accounts.usernames(missing),
        this.repository.profiles(missing),
      ]);
      const spaceOf = new Map(spaces.map((space) => [space.user_id, space]));
      const found = new Map<string, { value: UserSummary; tags: string[] }>();
      for (const [id, username] of usernames) {
        const space = spaceOf.get(id);
        const summary = {
          id,
          username,
          nickname: space?.nickname ?? username,
          avatarUrl: space?.avatar_url ?? null,
        };
        found.set(id, { value: summary, tags: [`user:${id}`] });
      }
      return found;
    });
  }

  async summary(id: string): Promise<UserSummary> {
    const found = (await this.summaries([id])).get(id);
    if (found) return found;
    const user = await this.accounts.getUser(id);
    return { id, username: user.username, nickname: user.username, avatarUrl: null };
  }
}
