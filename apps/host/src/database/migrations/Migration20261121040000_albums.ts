import { Migration } from '@mikro-orm/migrations';

/**
 * Albums and photos: albums carry a privacy level and a moderation state like posts; a photo lives
 * in an album, on a mood (following the mood's audience), or alone until attached. Comments may be
 * on a post or on a photo (exactly one). `storage_usage` is the per-user row that uploads lock so
 * concurrent uploads cannot overrun the quota.
 */
export class Migration20261121040000_albums extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table album (
  id uuid primary key,
  owner_id uuid not null references user_account(id) on delete cascade,
  title text not null,
  description text not null default '',
  cover_photo_id uuid,
  privacy text not null check (privacy in ('public', 'friends', 'groups', 'private')),
  moderation text not null default 'published',
  moderation_reason text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index album_owner_idx on album (owner_id, created_at desc, id desc);

create table photo (
  id uuid primary key,
  owner_id uuid not null references user_account(id) on delete cascade,
  album_id uuid references album(id) on delete cascade,
  post_id uuid references post(id) on delete set null,
  title text not null default '',
  description text not null default '',
  format text not null check (format in ('jpeg', 'png', 'webp', 'gif')),
  width int not null,
  height int not null,
  bytes bigint not null,
  moderation text not null default 'published',
  moderation_reason text,
  created_at timestamptz not null,
  check (album_id is null or post_id is null)
);
create index photo_album_idx on photo (album_id, created_at desc, id desc) where album_id is not null;
create index photo_post_idx on photo (post_id, created_at, id) where post_id is not null;
create index photo_owner_idx on photo (owner_id, created_at desc, id desc);
alter table album add constraint album_cover_fk foreign key (cover_photo_id) references photo(id) on delete set null;

create table photo_like (
  photo_id uuid not null references photo(id) on delete cascade,
  user_id uuid not null references user_account(id) on delete cascade,
  created_at timestamptz not null,
  primary key (photo_id, user_id)
);

alter table comment alter column post_id drop not null,
  add column photo_id uuid references photo(id) on delete cascade,
  add constraint comment_subject_check check ((post_id is null) <> (photo_id is null));
create index comment_photo_idx on comment (photo_id, created_at, id) where photo_id is not null;

create table storage_usage (
  user_id uuid primary key references user_account(id) on delete cascade,
  bytes bigint not null default 0 check (bytes >= 0)
);
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop table if exists storage_usage, photo_like;
delete from comment where photo_id is not null;
alter table comment drop constraint comment_subject_check, drop column photo_id, alter column post_id set not null;
alter table album drop constraint album_cover_fk;
drop table if exists photo, album;
`);
  }
}
