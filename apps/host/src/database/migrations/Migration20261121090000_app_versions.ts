import { Migration } from '@mikro-orm/migrations';

/**
 * App versions and the app center.
 * - `app_version`: each version's manifest (scopes, optional scopes, events, canvas URL or plugin,
 *   webhook URL, redirect URIs) and its place in review. The app's own manifest columns mirror the
 *   version users get: the published one, or the newest one while the app is still in development.
 * - `app.status` becomes app-level: development (nothing published yet), published, suspended.
 * - `app_status_change` records version transitions (`version_number` set) and app-level ones (null).
 * - `app_authorization.decided_scopes`: every scope the user has been asked about, so scopes a newer
 *   version adds show up as pending.
 * - `app_storage_deletion`: per-user app storage due for deletion after an uninstall's grace period.
 * - `app_rating`, and `app_invite_quota` (one counter row per inviter per UTC day).
 * Existing apps become version 1: approved → published, development → draft, rejected → rejected;
 * a suspended app keeps the version status it had before its suspension.
 */
export class Migration20261121090000_app_versions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table app_version (
  app_id uuid not null references app(id) on delete cascade,
  number integer not null check (number > 0),
  manifest jsonb not null,
  status text not null check (status in ('draft', 'submitted', 'approved', 'rejected', 'published', 'superseded')),
  status_reason text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (app_id, number)
);
create unique index app_version_published_idx on app_version (app_id) where status = 'published';
create index app_version_submitted_idx on app_version (updated_at) where status = 'submitted';

insert into app_version (app_id, number, manifest, status, status_reason, created_at, updated_at)
select a.id, 1,
  jsonb_build_object('versionName', null, 'scopes', to_jsonb(a.scopes), 'optionalScopes', to_jsonb(a.optional_scopes),
    'events', '[]'::jsonb, 'canvasUrl', null, 'pluginId', null, 'webhookUrl', a.webhook_url,
    'redirectUris', to_jsonb(a.redirect_uris)),
  case coalesce(
      case when a.status = 'suspended' then (
        select c.from_status from app_status_change c where c.app_id = a.id and c.to_status = 'suspended'
        order by c.created_at desc, c.id desc limit 1)
      else a.status end, 'development')
    when 'approved' then 'published' when 'rejected' then 'rejected' else 'draft' end,
  case when a.status = 'rejected' then a.status_reason end,
  a.created_at, a.updated_at
from app a;

alter table app drop constraint app_status_check;
alter table app add column plugin_id text unique,
  add column canvas_url text,
  add column events text[] not null default '{}',
  add column published_version integer,
  add column published_at timestamptz;
update app a set published_version = 1, published_at = a.updated_at
  where exists (select 1 from app_version v where v.app_id = a.id and v.status = 'published');
update app set status = case when status = 'suspended' then 'suspended'
    when published_version is not null then 'published' else 'development' end,
  status_reason = case when status = 'suspended' then status_reason end;
alter table app add constraint app_status_check check (status in ('development', 'published', 'suspended'));
create index app_center_idx on app (published_at desc, id desc) where status = 'published';

alter table app_status_change add column version_number integer;
update app_status_change set version_number = 1,
  from_status = case from_status when 'approved' then 'published' when 'development' then 'draft' else from_status end,
  to_status = case to_status when 'approved' then 'published' when 'development' then 'draft' else to_status end
  where 'suspended' not in (from_status, to_status);
update app_status_change set
  from_status = case from_status when 'approved' then 'published' when 'rejected' then 'development' else from_status end,
  to_status = case to_status when 'approved' then 'published' when 'rejected' then 'development' else to_status end
  where 'suspended' in (from_status, to_status);

alter table app_authorization add column decided_scopes text[];
update app_authorization set decided_scopes = scopes;
alter table app_authorization alter column decided_scopes set not null;

create table app_storage_deletion (
  app_id uuid not null references app(id) on delete cascade,
  user_id uuid not null references user_account(id) on delete cascade,
  due_at timestamptz not null,
  primary key (app_id, user_id)
);
create index app_storage_deletion_due_idx on app_storage_deletion (due_at);

create table app_rating (
  app_id uuid not null references app(id) on delete cascade,
  user_id uuid not null references user_account(id) on delete cascade,
  stars smallint not null check (stars between 1 and 5),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (app_id, user_id)
);

create table app_invite_quota (
  user_id uuid not null references user_account(id) on delete cascade,
  day date not null,
  used integer not null check (used >= 0),
  primary key (user_id, day)
);
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop table app_invite_quota;
drop table app_rating;
drop table app_storage_deletion;
alter table app_authorization drop column decided_scopes;
delete from app_status_change where version_number > 1;
update app_status_change set
  from_status = case from_status when 'published' then 'approved' when 'draft' then 'development'
    when 'submitted' then 'development' when 'superseded' then 'approved' else from_status end,
  to_status = case to_status when 'published' then 'approved' when 'draft' then 'development'
    when 'submitted' then 'development' when 'superseded' then 'approved' else to_status end;
alter table app_status_change drop column version_number;
drop index app_center_idx;
alter table app drop constraint app_status_check;
update app a set status = case when a.status = 'suspended' then 'suspended'
    when a.status = 'published' then 'approved'
    when exists (select 1 from app_version v where v.app_id = a.id and v.status = 'rejected'
      and v.number = (select max(number) from app_version w where w.app_id = a.id)) then 'rejected'
    else 'development' end;
alter table app add constraint app_status_check check (status in ('development', 'approved', 'rejected', 'suspended'));
alter table app drop column plugin_id, drop column canvas_url, drop column events,
  drop column published_version, drop column published_at;
drop table app_version;
`);
  }
}
