import { Migration } from '@mikro-orm/migrations';

/**
 * Built-in plugins' circuit-breaker state (their apps are rows of `app`, keyed by `app.plugin_id`).
 * `consecutive_failures` counts failed calls since the last success; reaching the limit sets
 * `disabled_at` until an admin enables the plugin again. `recent_failures` keeps the newest few
 * failures (`[{ "at": ISO time, "error": text }]`, newest first) for the admin page.
 */
export class Migration20261121120000_plugins extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table plugin_state (
  plugin_id text primary key,
  consecutive_failures integer not null default 0,
  recent_failures jsonb not null default '[]'::jsonb,
  last_error text,
  last_failure_at timestamptz,
  disabled_at timestamptz,
  updated_at timestamptz not null
);
`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table plugin_state;');
  }
}
