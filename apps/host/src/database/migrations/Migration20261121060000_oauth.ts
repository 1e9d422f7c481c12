import { Migration } from '@mikro-orm/migrations';

/**
 * The OAuth2 authorization server's state. Nothing secret is stored in the clear: codes, tokens and
 * consent CSRF tokens are kept as sha256 hashes.
 * - `oauth_transaction`: an authorization request waiting for the user's decision on the consent page,
 *   bound to the browser session that started it.
 * - `oauth_code`: authorization codes; `used_at` makes them single use (set atomically on exchange).
 * - `oauth_grant`: one per successful code exchange, the family of every token descended from it;
 *   revoking the grant (code replay, refresh token reuse) ends all of them at once.
 * - `oauth_token`: access and refresh tokens; a refresh token's `used_at` records its rotation.
 */
export class Migration20261121060000_oauth extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table oauth_transaction (
  id text primary key,
  session_id uuid not null references session(id) on delete cascade,
  user_id uuid not null references user_account(id) on delete cascade,
  app_id uuid not null references app(id) on delete cascade,
  csrf_hash text not null,
  request jsonb not null,
  expires_at timestamptz not null
);
create index oauth_transaction_expiry_idx on oauth_transaction (expires_at);

create table oauth_code (
  id uuid primary key,
  code_hash text not null unique,
  app_id uuid not null references app(id) on delete cascade,
  user_id uuid not null references user_account(id) on delete cascade,
  scopes text[] not null,
  redirect_uri text not null,
  redirect_uri_in_request boolean not null,
  code_challenge text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);

create table oauth_grant (
  id uuid primary key,
  app_id uuid not null references app(id) on delete cascade,
  client_id text not null,
  user_id uuid not null references user_account(id) on delete cascade,
  code_id uuid references oauth_code(id) on delete set null,
  scopes text[] not null,
  created_at timestamptz not null,
  revoked_at timestamptz
);
create index oauth_grant_code_idx on oauth_grant (code_id) where code_id is not null;
create index oauth_grant_user_app_idx on oauth_grant (user_id, app_id) where revoked_at is null;

create table oauth_token (
  id uuid primary key,
  grant_id uuid not null references oauth_grant(id) on delete cascade,
  kind text not null check (kind in ('access', 'refresh')),
  token_hash text not null unique,
  scopes text[] not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz,
  check (kind = 'refresh' or used_at is null)
);
create index oauth_token_grant_idx on oauth_token (grant_id);
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop table oauth_token;
drop table oauth_grant;
drop table oauth_code;
drop table oauth_transaction;
`);
  }
}
