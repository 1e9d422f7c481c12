import { EVENT_TYPES_THEN } from '../database/migrations/Migration20261122020000_listed_events';
import { fixedId, withMigrationDatabase } from '../testing/migration-database';

const BEFORE = 'Migration20261122010000_notification_version';
const LISTED = 'Migration20261122020000_listed_events';

const [OWNER, HOOKED, QUIET, CHOOSY, PLUGIN] = [1, 2, 3, 4, 5].map(fixedId);

describe('migration to listed events, on a database of the previous release', () => {
  it('gives every event type to third-party apps whose webhook received every event, and no one else', async () => {
    await withMigrationDatabase(async ({ migrator, sql }) => {
      await migrator.up({ to: BEFORE });
      await sql(`
insert into user_account (id, username, username_key, password_hash, created_at)
  values ('${OWNER}', 'dev', 'dev', 'x', now());
insert into app (id, client_id, owner_id, name, description, category, redirect_uris, scopes, optional_scopes,
  events, webhook_url, plugin_id, client_type, status, published_version, created_at, updated_at)
select v.id, 'kjc_' || v.name, '${OWNER}', v.name, '', 'games', '{}', '{profile:read}', '{}', v.events::text[],
  v.hook, v.plugin, 'public', 'published', 1, now(), now()
from (values ('${HOOKED}'::uuid, 'hooked', '{}', 'https://a.example/hook', null),
             ('${QUIET}'::uuid, 'quiet', '{}', null, null),
             ('${CHOOSY}'::uuid, 'choosy', '{order.paid}', 'https://a.example/hook', null),
             ('${PLUGIN}'::uuid, 'plugin', '{}', 'https://a.example/hook', 'farm')) as v(id, name, events, hook, plugin);
insert into app_version (app_id, number, manifest, status, created_at, updated_at)
select a.id, v.number, jsonb_build_object('events', to_jsonb(a.events), 'webhookUrl', a.webhook_url), v.status,
       now(), now()
  from app a, (values (1, 'published'), (2, 'rejected'), (3, 'draft')) as v(number, status);
`);
      await migrator.up({ to: LISTED });

      const all = EVENT_TYPES_THEN;
      expect(await sql('select name, events from app order by name')).toEqual([
        { name: 'choosy', events: ['order.paid'] },
        { name: 'hooked', events: all },
        { name: 'plugin', events: [] },
        { name: 'quiet', events: [] },
      ]);
      expect(
        await sql(
          "select a.name, v.number, v.manifest->'events' as events from app_version v join app a on a.id = v.app_id where a.name = 'hooked' order by v.number",
        ),
      ).toEqual([
        { name: 'hooked', number: 1, events: all },
        { name: 'hooked', number: 2, events: [] },
        { name: 'hooked', number: 3, events: all },
      ]);
      await migrator.down({ to: BEFORE });
    });
  });
});
