import { Migration } from '@mikro-orm/migrations';

/**
 * Suspended accounts: an admin's suspension with its reason, on the account itself. Every read path
 * asks "is this author suspended?", so the suspended accounts have a partial index of their own: the
 * set is small, and the privacy rule reads it whole (`author_id not in (select id ... )`).
 */
export class Migration20261122050000_user_suspension extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table user_account add column suspended_at timestamptz;
alter table user_account add column suspended_by uuid references user_account(id) on delete set null;
alter table user_account add column suspension_reason text;
create index user_account_suspended_idx on user_account (id) where suspended_at is not null;
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop index user_account_suspended_idx;
alter table user_account drop column suspension_reason;
alter table user_account drop column suspended_by;
alter table user_account drop column suspended_at;
`);
  }
}
