import { Migration } from '@mikro-orm/migrations';

/**
 * Failed sign-ins are counted by the host's rate limiters now (in Redis when REDIS_URL is set, so every
 * instance sees every failure), not in this table. Counts in it were for 15-minute windows: dropping them
 * forgives at most one window's failures, once.
 */
export class Migration20261203040000_drop_login_throttle extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop table login_throttle;');
  }

  override async down(): Promise<void> {
    this.addSql(`
create table login_throttle (
  key text primary key,
  failures int not null,
  window_started_at timestamptz not null
);
`);
  }
}
