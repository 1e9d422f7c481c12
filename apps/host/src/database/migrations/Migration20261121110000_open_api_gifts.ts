import { Migration } from '@mikro-orm/migrations';

/**
 * Gift walls, app notifications and app-wide storage for the Open API.
 * - `space_gift`: a gift an app sent from one user to another, on the recipient's wall. It outlives
 *   its app and its sender (unattributed); `order_id` makes a paid gift's sending idempotent per app;
 *   `hidden_at` is the recipient taking it off their wall.
 * - Notifications from apps may carry a link, and are counted per sender and app for daily quotas.
 * - `app_wide_storage`: JSON values an app shares between all its users, with a per-app usage row
 *   that is both the write lock of the app's storage and its running totals (a count over up to
 *   100,000 keys per write would be too slow). Keys sort bytewise ("C") so prefix ranges use the key.
 */
export class Migration20261121110000_open_api_gifts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table space_gift (
  id uuid primary key,
  sender_id uuid references user_account(id) on delete set null,
  recipient_id uuid not null references user_account(id) on delete cascade,
  app_id uuid references app(id) on delete set null,
  name text not null,
  image_url text,
  message text,
  price integer check (price >= 0),
  order_id text,
  created_at timestamptz not null,
  thanks text,
  thanked_at timestamptz,
  hidden_at timestamptz
);
create index space_gift_wall_idx on space_gift (recipient_id, created_at desc, id desc) where hidden_at is null;
create index space_gift_received_idx on space_gift (app_id, recipient_id, created_at desc, id desc);
create index space_gift_sent_idx on space_gift (app_id, sender_id, created_at desc, id desc);
create unique index space_gift_order_idx on space_gift (app_id, order_id) where order_id is not null;

alter table notification add column link_url text;
create index notification_app_sender_idx on notification (app_id, actor_id, kind, created_at)
  where app_id is not null;

create table app_wide_storage (
  app_id uuid not null references app(id) on delete cascade,
  key text collate "C" not null,
  value jsonb not null,
  bytes integer not null check (bytes >= 0),
  revision uuid not null,
  updated_at timestamptz not null,
  primary key (app_id, key)
);
create table app_wide_storage_usage (
  app_id uuid primary key references app(id) on delete cascade,
  keys integer not null check (keys >= 0),
  bytes bigint not null check (bytes >= 0)
);
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop table app_wide_storage_usage;
drop table app_wide_storage;
drop index notification_app_sender_idx;
alter table notification drop column link_url;
drop table space_gift;
`);
  }
}
