import { withMigrationDatabase } from '../testing/migration-database';

const BEFORE = 'Migration20261203100000_event_request_id';
const DISABLED_BY = 'Migration20261203120000_plugin_disabled_by';

describe('migration to who disabled a plugin, on a database of the previous release', () => {
  it('gives a plugin the breaker disabled its last error as the reason, and leaves running ones alone', async () => {
    await withMigrationDatabase(async ({ migrator, sql }) => {
      await migrator.up({ to: BEFORE });
      await sql(`
insert into plugin_state (plugin_id, last_error, disabled_at, updated_at)
values ('farm', 'timed out: did not finish within 5000 ms', now(), now()),
       ('gifts', null, now(), now()),
       ('polls', 'an old failure', null, now());
`);
      await migrator.up({ to: DISABLED_BY });
      expect(
        await sql('select plugin_id, disabled_by, disabled_reason from plugin_state order by plugin_id'),
      ).toEqual([
        {
          plugin_id: 'farm',
          disabled_by: 'breaker',
          disabled_reason: 'timed out: did not finish within 5000 ms',
        },
        { plugin_id: 'gifts', disabled_by: 'breaker', disabled_reason: 'repeated failures' },
        { plugin_id: 'polls', disabled_by: null, disabled_reason: null },
      ]);
      // A state that says disabled without saying by whom cannot be stored.
      await expect(
        sql("update plugin_state set disabled_at = now() where plugin_id = 'polls'"),
      ).rejects.toThrow(/plugin_state_disabled_consistent/);
      await migrator.down({ to: BEFORE });
      expect(
        await sql('select count(*)::int as disabled from plugin_state where disabled_at is not null'),
      ).toEqual([{ disabled: 2 }]);
    });
  });
});
