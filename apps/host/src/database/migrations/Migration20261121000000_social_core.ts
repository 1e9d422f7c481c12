import { Migration } from '@mikro-orm/migrations';

/** The social core: accounts, spaces, friends, posts, privacy audiences, feed and notifications. */
export class Migration20261121000000_social_core extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table user_account (
  id uuid primary key,
  username text not null,
  username_key text not null unique,
  password_hash text not null,
  roles text[] not null default '{user}',
  created_at timestamptz not null
);

create table session (
  id uuid primary key,
  user_id uuid not null references user_account(id) on delete cascade,
  token_hash text not null unique,
  created_at timestamptz not null,
  last_used_at timestamptz not null,
  expires_at timestamptz not null,
  user_agent text,
  ip text
);
create index session_user_idx on session (user_id, created_at desc);

create table login_throttle (
  key text primary key,
  failures int not null,
  window_started_at timestamptz not null
);

create table space (
  user_id uuid primary key references user_account(id) on delete cascade,
  nickname text not null,
  avatar_url text,
  signature text,
  gender text not null default 'unspecified',
  birthday date,
  location text,
  theme_id text not null default 'classic',
  music_url text,
  modules jsonb not null,
  board_access text not null default 'friends',
  updated_at timestamptz not null
);

create table space_visit (
  id uuid primary key,
  owner_id uuid not null references user_account(id) on delete cascade,
  visitor_id uuid not null references user_account(id) on delete cascade,
  day date not null,
  visited_at timestamptz not null,
  unique (owner_id, visitor_id, day)
);
create index space_visit_owner_idx on space_visit (owner_id, visited_at desc, id desc);

create table board_message (
  id uuid primary key,
  owner_id uuid not null references user_account(id) on delete cascade,
  author_id uuid not null references user_account(id) on delete cascade,
  body text not null,
  created_at timestamptz not null
);
create index board_message_owner_idx on board_message (owner_id, created_at desc, id desc);

create table friend_request (
  id uuid primary key,
  from_id uuid not null references user_account(id) on delete cascade,
  to_id uuid not null references user_account(id) on delete cascade,
  note text,
  status text not null,
  created_at timestamptz not null,
  decided_at timestamptz
);
create unique index friend_request_pending_idx on friend_request (from_id, to_id) where status = 'pending';
create index friend_request_to_idx on friend_request (to_id, created_at desc, id desc);
create index friend_request_from_idx on friend_request (from_id, created_at desc, id desc);

create table friendship (
  user_id uuid not null references user_account(id) on delete cascade,
  friend_id uuid not null references user_account(id) on delete cascade,
  created_at timestamptz not null,
  primary key (user_id, friend_id)
);

create table friend_group (
  id uuid primary key,
  owner_id uuid not null references user_account(id) on delete cascade,
  name text not null,
  created_at timestamptz not null
);
create unique index friend_group_name_idx on friend_group (owner_id, lower(name));

create table friend_group_member (
  group_id uuid not null references friend_group(id) on delete cascade,
  member_id uuid not null references user_account(id) on delete cascade,
  primary key (group_id, member_id)
);
create index friend_group_member_member_idx on friend_group_member (member_id);

create table user_block (
  blocker_id uuid not null references user_account(id) on delete cascade,
  blocked_id uuid not null references user_account(id) on delete cascade,
  created_at timestamptz not null,
  primary key (blocker_id, blocked_id)
);

create table post (
  id uuid primary key,
  author_id uuid not null references user_account(id) on delete cascade,
  kind text not null,
  title text,
  body text not null,
  repost_of_id uuid references post(id) on delete set null,
  privacy text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index post_author_idx on post (author_id, created_at desc, id desc);
create index post_repost_of_idx on post (repost_of_id) where repost_of_id is not null;

create table audience_group (
  subject_id uuid not null,
  group_id uuid not null references friend_group(id) on delete cascade,
  primary key (subject_id, group_id)
);

create table comment (
  id uuid primary key,
  post_id uuid not null references post(id) on delete cascade,
  author_id uuid not null references user_account(id) on delete cascade,
  parent_id uuid references comment(id) on delete cascade,
  body text not null,
  created_at timestamptz not null
);
create index comment_post_idx on comment (post_id, created_at, id);

create table post_like (
  post_id uuid not null references post(id) on delete cascade,
  user_id uuid not null references user_account(id) on delete cascade,
  created_at timestamptz not null,
  primary key (post_id, user_id)
);

create table feed_entry (
  id uuid primary key,
  actor_id uuid not null references user_account(id) on delete cascade,
  verb text not null,
  post_id uuid not null references post(id) on delete cascade,
  comment_id uuid references comment(id) on delete cascade,
  created_at timestamptz not null
);
create index feed_entry_actor_idx on feed_entry (actor_id, created_at desc, id desc);

create table notification (
  id uuid primary key,
  recipient_id uuid not null references user_account(id) on delete cascade,
  kind text not null,
  actor_id uuid references user_account(id) on delete cascade,
  subject_id uuid,
  post_id uuid,
  read_at timestamptz,
  created_at timestamptz not null
);
create index notification_recipient_idx on notification (recipient_id, created_at desc, id desc);
create index notification_unread_idx on notification (recipient_id) where read_at is null;

create table kongjian_meta (
  key text primary key,
  value jsonb not null
);
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop table if exists kongjian_meta, notification, feed_entry, post_like, comment, audience_group, post,
  user_block, friend_group_member, friend_group, friendship, friend_request, board_message, space_visit,
  space, login_throttle, session, user_account cascade;
`);
  }
}
