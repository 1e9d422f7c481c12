import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import { Space } from './space.entity';

export interface ProfileRow {
  user_id: string;
  nickname: string;
  avatar_url: string | null;
}

/** SQL of the space table (a user's profile and decoration), for the user directory and ProfilesService. */
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

  /** The user's space row; null until their first change. */
  find(userId: string): Promise<Space | null> {
    return this.em.findOne(Space, { userId });
  }

  /** Inserts the initial row unless the user has one; either way the user has a row after. */
  async insertIfMissing(initial: Space, now: Date): Promise<void> {
    await sqlRun(
      this.em,
      `insert into space (user_id, nickname, gender, theme_id, modules, board_access, updated_at)
       values (?, ?, ?, ?, ?::jsonb, ?, ?) on conflict (user_id) do nothing`,
      [
        initial.userId,
        initial.nickname,
        initial.gender,
        initial.themeId,
        JSON.stringify(initial.modules),
        initial.boardAccess,
        now,
      ],
    );
  }

  /** The user's space row as stored now, replacing any copy this request's identity map holds. */
  reload(userId: string): Promise<Space> {
    return this.em.findOneOrFail(Space, { userId }, { refresh: true });
  }
}
