import { Migration } from '@mikro-orm/migrations';

/**
 * Leases that let one instance at a time run each periodic sweep (TaskLeaseRepository), and the indexes the
 * purges of expired sessions, authorization codes and tokens walk in batches.
 */
export class Migration20261203000000_task_leases extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table task_lease (
  task text primary key,
  holder text not null,
  expires_at timestamptz not null
);
create index session_expiry_idx on session (expires_at);
create index oauth_code_expiry_idx on oauth_code (expires_at);
create index oauth_token_expiry_idx on oauth_token (expires_at);
create index oauth_grant_created_idx on oauth_grant (created_at);
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop index oauth_grant_created_idx;
drop index oauth_token_expiry_idx;
drop index oauth_code_expiry_idx;
drop index session_expiry_idx;
drop table task_lease;
`);
  }
}
