import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { AccountsService } from '../accounts/accounts.service';
import { sqlRows, uuidArray } from '../database/sql';

/** How other features show a person: enough to render a name and a head portrait, nothing private. */
export class UserSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() nickname!: string;
  @ApiProperty({ type: String, nullable: true }) avatarUrl!: string | null;
}

/** Summaries of users for every list that shows people; a user without a space row shows defaults. */
@Injectable()
export class UserDirectoryService {
  constructor(
    private readonly em: EntityManager,
    private readonly accounts: AccountsService,
  ) {}

  async summaries(ids: Iterable<string>): Promise<Map<string, UserSummary>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const [usernames, spaces] = await Promise.all([
      this.accounts.usernames(unique),
      sqlRows<{ user_id: string; nickname: string; avatar_url: string | null }>(
        this.em,
        'select user_id, nickname, avatar_url from space where user_id = any(?::uuid[])',
        [uuidArray(unique)],
      ),
    ]);
    const spaceOf = new Map(spaces.map((space) => [space.user_id, space]));
    const result = new Map<string, UserSummary>();
    for (const [id, username] of usernames) {
      const space = spaceOf.get(id);
      result.set(id, {
        id,
        username,
        nickname: space?.nickname ?? username,
        avatarUrl: space?.avatar_url ?? null,
      });
    }
    return result;
  }

  async summary(id: string): Promise<UserSummary> {
    const found = (await this.summaries([id])).get(id);
    if (found) return found;
    const user = await this.accounts.getUser(id);
    return { id, username: user.username, nickname: user.username, avatarUrl: null };
  }
}
