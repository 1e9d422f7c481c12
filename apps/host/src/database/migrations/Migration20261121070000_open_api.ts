import { Migration } from '@mikro-orm/migrations';

/**
 * The Open API's data: stories (posts of kind `story` that an app posted for its user, with the app,
 * a link and an image) and each app's per-user JSON storage. A story outlives its app's deletion,
 * unattributed; storage goes with the app or the user. `revision` changes on every write and is the
 * storage item's ETag, so a deleted and re-created key never matches an old ETag.
 */
export class Migration20261121070000_open_api extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table post add column app_id uuid references app(id) on delete set null,
  add column link_url text,
  add column image_url text;
create index post_app_story_idx on post (author_id, app_id, created_at) where app_id is not null;

create table app_storage (
  app_id uuid not null references app(id) on delete cascade,
  user_id uuid not null references user_account(id) on delete cascade,
  key text not null,
  value jsonb not null,
  bytes integer not null check (bytes >= 0),
  revision uuid not null,
  updated_at timestamptz not null,
  primary key (app_id, user_id, key)
);
`);
  }

  override async down(): Promise<void> {
    // Stories mean nothing without their columns; their comments, likes and feed entries cascade.
    this.addSql(`
drop table app_storage;
delete from post where kind = 'story';
drop index post_app_story_idx;
alter table post drop column image_url, drop column link_url, drop column app_id;
`);
  }
}
