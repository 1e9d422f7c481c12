import { Migration } from '@mikro-orm/migrations';

/**
 * Invites to apps, one row each: pending until the invitee installs the app, then accepted. At most one
 * pending invite per app, inviter and invitee (a repeat finds the one there). Invites sent before this
 * release live on only as notifications; those still pending (the invitee has not installed the app) become
 * one pending invite per app, inviter and invitee, with the first notification's id and time, so a friend
 * who was invited then is not invited again.
 */
export class Migration20261202100000_app_invites extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table app_invite (
  id uuid primary key,
  app_id uuid not null references app(id) on delete cascade,
  inviter_id uuid not null references user_account(id) on delete cascade,
  invitee_id uuid not null references user_account(id) on delete cascade,
  created_at timestamptz not null,
  accepted_at timestamptz,
  check (inviter_id <> invitee_id)
);
create unique index app_invite_pending_idx on app_invite (app_id, invitee_id, inviter_id) where accepted_at is null;

insert into app_invite (id, app_id, inviter_id, invitee_id, created_at)
select distinct on (n.app_id, n.recipient_id, n.actor_id) n.id, n.app_id, n.actor_id, n.recipient_id, n.created_at
  from notification n
  join app a on a.id = n.app_id
 where n.kind = 'app_invite' and n.actor_id is not null and n.actor_id <> n.recipient_id
   and not exists (select 1 from app_authorization az
                    where az.app_id = n.app_id and az.user_id = n.recipient_id and az.revoked_at is null)
 order by n.app_id, n.recipient_id, n.actor_id, n.created_at, n.id;
`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table app_invite;');
  }
}
