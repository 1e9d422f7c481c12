import { fixedId, withMigrationDatabase } from '../testing/migration-database';

const BEFORE = 'Migration20261121080000_events';
const VERSIONS = 'Migration20261121090000_app_versions';

const [OWNER, ADMIN, APPROVED, DEVELOPMENT, REJECTED, SUSPENDED] = [1, 2, 3, 4, 5, 6].map(fixedId);

describe('migration to app versions, on a database of the previous release', () => {
  it('turns each app into version 1 with the status it had, keeps history and consent, and goes back down', async () => {
    await withMigrationDatabase(async ({ migrator, sql }) => {
      await migrator.up({ to: BEFORE });
      await sql(`
insert into user_account (id, username, username_key, password_hash, created_at) values
  ('${OWNER}', 'dev', 'dev', 'x', now()), ('${ADMIN}', 'admin', 'admin', 'x', now());
insert into app (id, client_id, owner_id, name, description, category, redirect_uris, scopes, optional_scopes,
  webhook_url, client_type, secret_hash, status, status_reason, created_at, updated_at)
select v.id, 'kjc_' || v.name, '${OWNER}', v.name, '', 'games', '{https://a.example/cb}', '{profile:read,storage}',
  '{storage}', 'https://a.example/hook', 'public', null, v.status, v.reason, now(), now()
from (values ('${APPROVED}'::uuid, 'approved', 'approved', null),
             ('${DEVELOPMENT}'::uuid, 'development', 'development', null),
             ('${REJECTED}'::uuid, 'rejected', 'rejected', 'No icon'),
             ('${SUSPENDED}'::uuid, 'suspended', 'suspended', 'Spam')) as v(id, name, status, reason);
insert into app_status_change (id, app_id, actor_id, from_status, to_status, reason, created_at) values
  ('${fixedId(10)}', '${SUSPENDED}', '${ADMIN}', 'development', 'approved', null, now() - interval '2 minutes'),
  ('${fixedId(11)}', '${SUSPENDED}', '${ADMIN}', 'approved', 'suspended', 'Spam', now() - interval '1 minute');
insert into app_authorization (app_id, user_id, openid, scopes, created_at, updated_at)
  values ('${APPROVED}', '${ADMIN}', 'o_admin', '{profile:read}', now(), now());
`);
      await migrator.up({ to: VERSIONS });

      const apps = await sql<{
        name: string;
        status: string;
        status_reason: string | null;
        published_version: number | null;
      }>('select name, status, status_reason, published_version from app order by name');
      expect(apps).toEqual([
        { name: 'approved', status: 'published', status_reason: null, published_version: 1 },
        { name: 'development', status: 'development', status_reason: null, published_version: null },
        { name: 'rejected', status: 'development', status_reason: null, published_version: null },
        { name: 'suspended', status: 'suspended', status_reason: 'Spam', published_version: 1 },
      ]);
      const versions = await sql<{
        name: string;
        number: number;
        status: string;
        status_reason: string | null;
        manifest: object;
      }>(
        'select a.name, v.number, v.status, v.status_reason, v.manifest from app_version v join app a on a.id = v.app_id order by a.name',
      );
      expect(
        versions.map(({ name, number, status, status_reason }) => [name, number, status, status_reason]),
      ).toEqual([
        ['approved', 1, 'published', null],
        ['development', 1, 'draft', null],
        ['rejected', 1, 'rejected', 'No icon'],
        ['suspended', 1, 'published', null],
      ]);
      expect(versions[0].manifest).toEqual({
        versionName: null,
        scopes: ['profile:read', 'storage'],
        optionalScopes: ['storage'],
        events: [],
        canvasUrl: null,
        pluginId: null,
        webhookUrl: 'https://a.example/hook',
        redirectUris: ['https://a.example/cb'],
      });
      expect(
        await sql(
          'select version_number, from_status, to_status, reason from app_status_change order by created_at',
        ),
      ).toEqual([
        { version_number: 1, from_status: 'draft', to_status: 'published', reason: null },
        { version_number: null, from_status: 'published', to_status: 'suspended', reason: 'Spam' },
      ]);
      expect(await sql('select scopes, decided_scopes from app_authorization')).toEqual([
        { scopes: ['profile:read'], decided_scopes: ['profile:read'] },
      ]);

      await migrator.down({ to: BEFORE });
      expect(await sql('select name, status from app order by name')).toEqual([
        { name: 'approved', status: 'approved' },
        { name: 'development', status: 'development' },
        { name: 'rejected', status: 'rejected' },
        { name: 'suspended', status: 'suspended' },
      ]);
    });
  });
});
