import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRows, sqlRun } from '../database/sql';

/** SQL of the audience_group table: the chosen friend groups of each `groups`-level item. */
@Injectable()
export class PrivacyRepository {
  constructor(private readonly em: EntityManager) {}

  async audienceGroups(subjectId: string): Promise<string[]> {
    const rows = await sqlRows<{ group_id: string }>(
      this.em,
      'select group_id from audience_group where subject_id = ?',
      [subjectId],
    );
    return rows.map((row) => row.group_id);
  }

  async addAudienceGroup(subjectId: string, groupId: string): Promise<void> {
    await sqlRun(this.em, 'insert into audience_group (subject_id, group_id) values (?, ?)', [
      subjectId,
      groupId,
    ]);
  }

  async clearAudience(subjectId: string): Promise<void> {
    await sqlRun(this.em, 'delete from audience_group where subject_id = ?', [subjectId]);
  }
}
