import { Migration } from '@mikro-orm/migrations';

/**
 * The app registry: apps registered by developers, their tester whitelist, every status change an
 * admin made (who and why), and users' authorizations (remembered consent). An authorization row
 * outlives its revocation so the app-scoped openid stays the same if the user comes back.
 */
export class Migration20261121050000_apps extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table app (
  id uuid primary key,
  client_id text not null unique,
  owner_id uuid not null references user_account(id) on delete cascade,
  name text not null,
  description text not null,
  icon_url text,
  category text not null,
  redirect_uris text[] not null,
  scopes text[] not null,
  optional_scopes text[] not null,
  webhook_url text,
  client_type text not null check (client_type in ('confidential', 'public')),
  secret_hash text,
  status text not null check (status in ('development', 'approved', 'rejected', 'suspended')),
  status_reason text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((client_type = 'confidential') = (secret_hash is not null))
);
create index app_owner_idx on app (owner_id, created_at desc);

create table app_tester (
  app_id uuid not null references app(id) on delete cascade,
  user_id uuid not null references user_account(id) on delete cascade,
  added_at timestamptz not null,
  primary key (app_id, user_id)
);

create table app_status_change (
  id uuid primary key,
  app_id uuid not null references app(id) on delete cascade,
  actor_id uuid references user_account(id) on delete set null,
  from_status text not null,
  to_status text not null,
  reason text,
  created_at timestamptz not null
);
create index app_status_change_app_idx on app_status_change (app_id, created_at);

create table app_authorization (
  app_id uuid not null references app(id) on delete cascade,
  user_id uuid not null references user_account(id) on delete cascade,
  openid text not null,
  scopes text[] not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  revoked_at timestamptz,
  primary key (app_id, user_id),
  unique (app_id, openid)
);
create index app_authorization_user_idx on app_authorization (user_id, updated_at desc) where revoked_at is null;
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop table app_authorization;
drop table app_status_change;
drop table app_tester;
drop table app;
`);
  }
}
