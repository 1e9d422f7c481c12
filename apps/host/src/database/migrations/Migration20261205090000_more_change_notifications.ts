import { Migration } from '@mikro-orm/migrations';

/**
 * More of what the Open API reads on every call is cached (see database/change-feed.ts), so these tables
 * say when a row changes too, through the same `kongjian_notify_change` function: a user's yellow diamond
 * (`vip:<id>`) and activity points (`activity:<id>`), for `/open/v1/me`; the friend graph (`friends:<id>`,
 * for both sides of a block), for the app friends lists of `/open/v1/friends`.
 */
const TRIGGERS: Array<{ name: string; table: string; events: string; tag: string; key: string }> = [
  {
    name: 'vip_membership_changed',
    table: 'vip_membership',
    events: 'insert or update or delete',
    tag: 'vip',
    key: 'user_id',
  },
  {
    name: 'activity_points_changed',
    table: 'activity_points',
    events: 'insert or update or delete',
    tag: 'activity',
    key: 'user_id',
  },
  {
    name: 'friendship_changed',
    table: 'friendship',
    events: 'insert or update or delete',
    tag: 'friends',
    key: 'user_id',
  },
  {
    name: 'user_block_changed',
    table: 'user_block',
    events: 'insert or update or delete',
    tag: 'friends',
    key: 'blocker_id',
  },
  {
    name: 'user_blocked_changed',
    table: 'user_block',
    events: 'insert or update or delete',
    tag: 'friends',
    key: 'blocked_id',
  },
];

export class Migration20261205090000_more_change_notifications extends Migration {
  override async up(): Promise<void> {
    for (const { name, table, events, tag, key } of TRIGGERS) {
      this.addSql(
        `create trigger ${name} after ${events} on ${table} ` +
          `for each row execute function kongjian_notify_change('${tag}', '${key}');`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const { name, table } of TRIGGERS) this.addSql(`drop trigger ${name} on ${table};`);
  }
}
