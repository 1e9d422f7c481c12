import { Migration } from '@mikro-orm/migrations';

/**
 * Who disabled a plugin and why: its circuit breaker (the failure that tripped it) or an admin (the reason
 * they gave). Plugins the breaker disabled before keep their last error as the reason.
 */
export class Migration20261203120000_plugin_disabled_by extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table plugin_state
  add column disabled_by text check (disabled_by in ('breaker', 'admin')),
  add column disabled_reason text;
`);
    this.addSql(
      `update plugin_state set disabled_by = 'breaker', disabled_reason = coalesce(last_error, 'repeated failures')
       where disabled_at is not null;`,
    );
    this.addSql(`
alter table plugin_state add constraint plugin_state_disabled_consistent
  check ((disabled_at is null) = (disabled_by is null) and (disabled_at is null) = (disabled_reason is null));
`);
  }

  override async down(): Promise<void> {
    this.addSql(
      'alter table plugin_state drop constraint plugin_state_disabled_consistent, drop column disabled_by, drop column disabled_reason;',
    );
  }
}
