import { Migration } from '@mikro-orm/migrations';

/**
 * Moderation: a state on every kind of user content (read by the privacy rule), keyword rules with
 * a version other host instances poll, the review queue (one open case per item), reports, and the
 * record of every decision.
 */
export class Migration20261121030000_moderation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table post add column moderation text not null default 'published',
  add column moderation_reason text;
alter table comment add column moderation text not null default 'published',
  add column moderation_reason text;
alter table board_message add column moderation text not null default 'published',
  add column moderation_reason text;

create table moderation_rule (
  id uuid primary key,
  phrase text not null,
  normalized text not null,
  action text not null check (action in ('block', 'hold', 'flag')),
  created_by uuid references user_account(id) on delete set null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index moderation_rule_normalized_idx on moderation_rule (normalized);
create index moderation_rule_list_idx on moderation_rule (created_at desc, id desc);

create table moderation_rules_version (
  singleton boolean primary key default true check (singleton),
  version bigint not null
);
insert into moderation_rules_version (singleton, version) values (true, 0);

create table moderation_case (
  id uuid primary key,
  subject_type text not null,
  subject_id uuid not null,
  author_id uuid references user_account(id) on delete cascade,
  status text not null check (status in ('open', 'closed')),
  keyword_action text check (keyword_action in ('hold', 'flag')),
  keywords jsonb not null default '[]',
  report_count int not null default 0,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  closed_at timestamptz
);
create unique index moderation_case_open_idx on moderation_case (subject_type, subject_id) where status = 'open';
create index moderation_case_queue_idx on moderation_case (status, created_at desc, id desc);

create table moderation_report (
  id uuid primary key,
  subject_type text not null,
  subject_id uuid not null,
  reporter_id uuid not null references user_account(id) on delete cascade,
  case_id uuid references moderation_case(id) on delete set null,
  reason text not null,
  created_at timestamptz not null
);
create unique index moderation_report_once_idx on moderation_report (subject_type, subject_id, reporter_id);
create index moderation_report_case_idx on moderation_report (case_id, created_at desc);

create table moderation_decision (
  id uuid primary key,
  subject_type text not null,
  subject_id uuid not null,
  case_id uuid references moderation_case(id) on delete set null,
  action text not null,
  reason text,
  admin_id uuid references user_account(id) on delete set null,
  previous_state text not null,
  new_state text not null,
  created_at timestamptz not null
);
create index moderation_decision_list_idx on moderation_decision (created_at desc, id desc);
create index moderation_decision_subject_idx on moderation_decision (subject_type, subject_id, created_at desc, id desc);
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop table if exists moderation_decision, moderation_report, moderation_case, moderation_rules_version,
  moderation_rule;
alter table board_message drop column moderation, drop column moderation_reason;
alter table comment drop column moderation, drop column moderation_reason;
alter table post drop column moderation, drop column moderation_reason;
`);
  }
}
