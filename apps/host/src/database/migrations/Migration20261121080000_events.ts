import { Migration } from '@mikro-orm/migrations';

/**
 * The transactional outbox: one row per event per receiving app, written in the same transaction as
 * the change that caused it, and the delivery state that the dispatcher moves forward.
 * `user_id` is the user the event is about (the acting user when a plugin handles it); receivers
 * only ever see openids, which are in `data`. `retry_until` ends the retries a day after the event
 * became due; `next_attempt_at` doubles as the lease of an instance that claimed the event.
 * `undeliverable`: the app had neither a webhook URL nor an in-process receiver.
 * Apps get the secret their webhooks are signed with (kept in clear: the host must sign with it) and
 * since when their deliveries fail. Notifications from apps say which app sent them.
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
  status text not null default 'pending'
    check (status in ('pending', 'delivered', 'failed', 'undeliverable')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  retry_until timestamptz not null,
  last_attempt_at timestamptz,
  last_error text,
  delivered_at timestamptz
);
create index app_event_due_idx on app_event (next_attempt_at) where status = 'pending';
create index app_event_app_idx on app_event (app_id, created_at desc);

alter table app add column webhook_secret text,
  add column webhook_unhealthy_at timestamptz;
create index app_webhook_unhealthy_idx on app (webhook_unhealthy_at) where webhook_unhealthy_at is not null;

alter table notification add column app_id uuid references app(id) on delete cascade,
  add column text text;
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
alter table notification drop column app_id, drop column text;
alter table app drop column webhook_secret, drop column webhook_unhealthy_at;
drop table app_event;
`);
  }
}
