import { fixedId, withMigrationDatabase } from '../testing/migration-database';

const BEFORE = 'Migration20261122070000_version_submit_note';
const INVITES = 'Migration20261202100000_app_invites';

const [INVITER, OTHER, FRIEND, USER, APP] = [1, 2, 3, 4, 5].map(fixedId);

describe('migration to app invites, on a database of the previous release', () => {
  it('keeps one pending invite per app, inviter and invitee from the invites sent, unless the invitee installed the app', async () => {
    await withMigrationDatabase(async ({ migrator, sql }) => {
      await migrator.up({ to: BEFORE });
      await sql(`
insert into user_account (id, username, username_key, password_hash, created_at)
select v.id, v.name, v.name, 'x', now()
  from (values ('${INVITER}'::uuid, 'inviter'), ('${OTHER}'::uuid, 'other'), ('${FRIEND}'::uuid, 'friend'),
               ('${USER}'::uuid, 'user')) as v(id, name);
insert into app (id, client_id, owner_id, name, description, category, redirect_uris, scopes, optional_scopes,
  events, client_type, status, published_version, created_at, updated_at)
values ('${APP}', 'kjc_farm', '${OTHER}', 'farm', '', 'games', '{}', '{profile:read}', '{}', '{}', 'public',
  'published', 1, now(), now());
insert into app_authorization (app_id, user_id, openid, scopes, decided_scopes, created_at, updated_at)
  values ('${APP}', '${USER}', 'o_user', '{profile:read}', '{profile:read}', now(), now());
-- The inviter invited the friend three times (the bug), the other user once, and the user who has the app.
insert into notification (id, recipient_id, kind, actor_id, app_id, created_at)
values ('${fixedId(12)}', '${FRIEND}', 'app_invite', '${INVITER}', '${APP}', '2026-11-20T10:00:00Z'),
       ('${fixedId(11)}', '${FRIEND}', 'app_invite', '${INVITER}', '${APP}', '2026-11-20T09:00:00Z'),
       ('${fixedId(13)}', '${FRIEND}', 'app_invite', '${INVITER}', '${APP}', '2026-11-21T09:00:00Z'),
       ('${fixedId(14)}', '${FRIEND}', 'app_invite', '${OTHER}', '${APP}', '2026-11-22T09:00:00Z'),
       ('${fixedId(15)}', '${USER}', 'app_invite', '${INVITER}', '${APP}', '2026-11-22T09:00:00Z'),
       ('${fixedId(16)}', '${FRIEND}', 'app_message', '${INVITER}', '${APP}', '2026-11-22T09:00:00Z');
`);
      await migrator.up({ to: INVITES });

      expect(
        await sql(
          `select id, inviter_id, invitee_id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as sent,
                  accepted_at from app_invite order by id`,
        ),
      ).toEqual([
        {
          id: fixedId(11),
          inviter_id: INVITER,
          invitee_id: FRIEND,
          sent: '2026-11-20 09:00',
          accepted_at: null,
        },
        {
          id: fixedId(14),
          inviter_id: OTHER,
          invitee_id: FRIEND,
          sent: '2026-11-22 09:00',
          accepted_at: null,
        },
      ]);
      await migrator.down({ to: BEFORE });
      expect(await sql("select to_regclass('app_invite') as invites")).toEqual([{ invites: null }]);
    });
  });
});
