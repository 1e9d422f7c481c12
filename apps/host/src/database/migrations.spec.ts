import { MikroORM } from '@mikro-orm/core';
import { freshDatabase } from '../testing/test-host';
import { MIGRATIONS } from './migrations';
import { migratorOf } from './migrator';
import { ormOptions } from './orm-options';

const APP_TABLES = [
  'user_account',
  'session',
  'space',
  'friendship',
  'post',
  'comment',
  'feed_entry',
  'notification',
  'album',
  'photo',
  'photo_like',
  'storage_usage',
  'audit_entry',
  'task_lease',
];

describe('migrations', () => {
  it('take an empty database to the latest schema, and back down and up again', async () => {
    const database = await freshDatabase();
    const { options, embedded } = ormOptions({
      databaseUrl: database.config.databaseUrl,
      dataDir: undefined,
    });
    const orm = await MikroORM.init(options);
    try {
      const tables = async (): Promise<string[]> => {
        const rows = await orm.em
          .fork()
          .getConnection()
          .execute<{ table_name: string }[]>(
            "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
          );
        return rows.map((row: { table_name: string }) => row.table_name);
      };
      const migrator = await migratorOf(orm);
      expect((await tables()).filter((table) => APP_TABLES.includes(table))).toEqual([]);

      const applied = await migrator.up();
      expect(applied.map((migration) => migration.name)).toEqual(
        MIGRATIONS.map((migration) => migration.name),
      );
      expect(await migrator.getPendingMigrations()).toEqual([]);
      expect(await tables()).toEqual(expect.arrayContaining(APP_TABLES));

      await migrator.down({ to: 0 });
      expect((await tables()).filter((table) => APP_TABLES.includes(table))).toEqual([]);

      await migrator.up();
      expect(await tables()).toEqual(expect.arrayContaining(APP_TABLES));
      expect(await migrator.getExecutedMigrations()).toHaveLength(MIGRATIONS.length);
    } finally {
      await orm.close(true);
      await embedded?.close();
      await database.drop();
    }
  });
});
