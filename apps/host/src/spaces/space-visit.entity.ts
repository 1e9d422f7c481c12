import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../common/ids';

/** One visitor's visit to a space on one UTC day; a second visit that day only moves `visitedAt`. */
@Entity({ tableName: 'space_visit' })
export class SpaceVisit {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  ownerId!: string;

  @Property({ type: 'uuid' })
  visitorId!: string;

  @Property({ type: 'date' })
  day!: string;

  @Property({ type: 'timestamptz' })
  visitedAt!: Date;
}
