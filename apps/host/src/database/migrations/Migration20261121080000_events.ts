import { Migration } from '@mikro-orm/migrations';

/**
 * The transactional outbox: one row per event per receiving app, written in the same transaction as
 * the change that caused it, and the delivery state that the webhook dispatcher moves forward.
 * `user_id` is the user the event is about (the acting user when a plugin handles it); receivers
 * only ever see openids, which are in `data`. Notifications from apps say which app sent them.
 */
export class Migration20261121080000_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table app_event (
  id uuid primary key,
  app_id uuid not null references app(id) on delete cascade,
  type text not null,
  user_id uuid references user_account(id) on delete set null,
  data jsonb not null,
  created_at timestamptz not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_error text,
  delivered_at timestamptz
);
create index app_event_due_idx on app_event (next_attempt_at) where status = 'pending';
create index app_event_app_idx on app_event (app_id, created_at desc);

alter table notification add column app_id uuid references app(id) on delete cascade,
  add column text text;
`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table notification drop column app_id, drop column text; drop table app_event;');
  }
}
