import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRows, uuidArray } from '../database/sql';

export interface ProfileRow {
  user_id: string;
  nickname: string;
  avatar_url: string | null;
}

/** SQL of how people are shown (the profile columns of the space table) for UserDirectoryService. */
@Injectable()
export class ProfilesRepository {
  constructor(private readonly em: EntityManager) {}

  /** The profiles of those of the users who have a space row. */
  profiles(userIds: readonly string[]): Promise<ProfileRow[]> {
    return sqlRows<ProfileRow>(
      this.em,
      'select user_id, nickname, avatar_url from space where user_id = any(?::uuid[])',
      [uuidArray(userIds)],
    );
  }
}
