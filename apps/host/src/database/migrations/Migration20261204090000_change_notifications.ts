import { Migration } from '@mikro-orm/migrations';

/**
 * Who may do what is cached in each host's memory (sessions, access tokens, consents, client credentials,
 * people's names), so each of those tables says when a row that a cache may hold changes: a NOTIFY on
 * `kongjian_changes` with a tag such as `user:<id>` (see database/change-feed.ts). PostgreSQL delivers it
 * to every listening instance when the transaction commits, and not at all when it rolls back, and it
 * comes from the table itself, so no write — another instance's, a migration's, an operator's — can
 * leave a cache stale. Only the columns the caches read notify: a session's `last_used_at` does not.
 */
const TRIGGERS: Array<{ table: string; events: string; tag: string; key: string }> = [
  { table: 'session', events: 'update of expires_at, user_id or delete', tag: 'session', key: 'id' },
  {
    table: 'user_account',
    events: 'update of username, roles, suspended_at or delete',
    tag: 'user',
    key: 'id',
  },
  {
    table: 'space',
    events: 'insert or update of nickname, avatar_url or delete',
    tag: 'user',
    key: 'user_id',
  },
  { table: 'app', events: 'update or delete', tag: 'app', key: 'id' },
  { table: 'app_authorization', events: 'insert or update or delete', tag: 'user', key: 'user_id' },
  { table: 'oauth_grant', events: 'update or delete', tag: 'grant', key: 'id' },
  { table: 'oauth_token', events: 'update or delete', tag: 'token', key: 'id' },
];

export class Migration20261204090000_change_notifications extends Migration {
  override async up(): Promise<void> {
    // One function for every table: the tag and the key column come from the trigger's arguments.
    this.addSql(`create function kongjian_notify_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('kongjian_changes', tg_argv[0] || ':' || (to_jsonb(coalesce(new, old)) ->> tg_argv[1]));
  return null;
end $$;`);
    for (const { table, events, tag, key } of TRIGGERS) {
      this.addSql(
        `create trigger ${table}_changed after ${events} on ${table} ` +
          `for each row execute function kongjian_notify_change('${tag}', '${key}');`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const { table } of TRIGGERS) this.addSql(`drop trigger ${table}_changed on ${table};`);
    this.addSql('drop function kongjian_notify_change();');
  }
}
