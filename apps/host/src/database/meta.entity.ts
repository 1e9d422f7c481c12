import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Facts about the installation itself, such as whether demo data was seeded. */
@Entity({ tableName: 'kongjian_meta' })
export class Meta {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'json' })
  value!: unknown;
}
