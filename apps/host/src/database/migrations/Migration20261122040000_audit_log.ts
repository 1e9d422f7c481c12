import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log: one row per state-changing admin action, written in the action's own transaction.
 * Rows are never updated or deleted, and keep no foreign keys, so the record outlives what it names.
 * `subject_id` is text because not every subject has a uuid (plugins have names). Each index serves
 * one filter of `GET /admin/audit-log` in its newest-first keyset order.
 */
export class Migration20261122040000_audit_log extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table audit_entry (
  id uuid primary key,
  actor_id uuid not null,
  action text not null,
  subject_type text not null,
  subject_id text not null,
  reason text,
  details jsonb not null default '{}'::jsonb,
  created_at timestamptz not null
);
create index audit_entry_created_idx on audit_entry (created_at desc, id desc);
create index audit_entry_actor_idx on audit_entry (actor_id, created_at desc, id desc);
create index audit_entry_action_idx on audit_entry (action, created_at desc, id desc);
create index audit_entry_subject_idx on audit_entry (subject_type, subject_id, created_at desc, id desc);
`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table audit_entry;');
  }
}
