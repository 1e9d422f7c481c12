import { Entity, PrimaryKey } from '@mikro-orm/core';

/** "Friends in these groups may see subject X": the chosen groups of a `groups`-level item. */
@Entity({ tableName: 'audience_group' })
export class AudienceGroup {
  @PrimaryKey({ type: 'uuid' })
  subjectId!: string;

  @PrimaryKey({ type: 'uuid' })
  groupId!: string;
}
