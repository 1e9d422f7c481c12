import { MikroORM } from '@mikro-orm/core';
import { ormOptions } from '../database/orm-options';
import { freshDatabase } from '../testing/test-host';

const BEFORE = 'Migration20261121130000_account_settings';
const PHOTO = 'Migration20261121140000_notification_photo';

/** Ids in the shape newId() makes, fixed so the expectations can name them. */
const id = (n: number) => `01890000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const [OWNER, FAN, PICTURE, POST, ON_PHOTO, ON_POST] = [1, 2, 3, 4, 5, 6].map(id);

describe('migration giving notifications their photo, on a database of the previous release', () => {
  it('fills in the photo of earlier photo likes and photo comments, and nothing else', async () => {
    const database = await freshDatabase();
    const { options, pglite } = ormOptions({ databaseUrl: database.config.databaseUrl, dataDir: undefined });
    const orm = await MikroORM.init(options);
    const sql = <T = Record<string, unknown>>(query: string): Promise<T[]> =>
      orm.em.fork().getConnection().execute(query) as Promise<T[]>;
    try {
      const migrator = orm.getMigrator();
      await migrator.up({ to: BEFORE });
      await sql(`
insert into user_account (id, username, username_key, password_hash, created_at) values
  ('${OWNER}', 'owner', 'owner', 'x', now()), ('${FAN}', 'fan', 'fan', 'x', now());
insert into photo (id, owner_id, format, width, height, bytes, created_at)
  values ('${PICTURE}', '${OWNER}', 'png', 10, 10, 100, now());
insert into post (id, author_id, kind, body, privacy, created_at, updated_at)
  values ('${POST}', '${OWNER}', 'mood', 'hi', 'public', now(), now());
insert into comment (id, post_id, photo_id, author_id, body, created_at) values
  ('${ON_PHOTO}', null, '${PICTURE}', '${FAN}', 'nice photo', now()),
  ('${ON_POST}', '${POST}', null, '${FAN}', 'nice mood', now());
insert into notification (id, recipient_id, kind, actor_id, subject_id, post_id, created_at) values
  ('${id(10)}', '${OWNER}', 'like', '${FAN}', '${PICTURE}', null, now()),
  ('${id(11)}', '${OWNER}', 'like', '${FAN}', null, '${POST}', now()),
  ('${id(12)}', '${OWNER}', 'comment', '${FAN}', '${ON_PHOTO}', null, now()),
  ('${id(13)}', '${OWNER}', 'reply', '${FAN}', '${ON_PHOTO}', null, now()),
  ('${id(14)}', '${OWNER}', 'comment', '${FAN}', '${ON_POST}', '${POST}', now()),
  ('${id(15)}', '${OWNER}', 'friend_request_received', '${FAN}', '${id(99)}', null, now());
`);
      await migrator.up({ to: PHOTO });

      expect(await sql('select id, photo_id from notification order by id')).toEqual([
        { id: id(10), photo_id: PICTURE },
        { id: id(11), photo_id: null },
        { id: id(12), photo_id: PICTURE },
        { id: id(13), photo_id: PICTURE },
        { id: id(14), photo_id: null },
        { id: id(15), photo_id: null },
      ]);

      await migrator.down({ to: BEFORE });
      const columns = await sql<{ column_name: string }>(
        "select column_name from information_schema.columns where table_name = 'notification'",
      );
      expect(columns.map((column) => column.column_name)).not.toContain('photo_id');
    } finally {
      await orm.close(true);
      await pglite?.close();
      await database.drop();
    }
  });
});
