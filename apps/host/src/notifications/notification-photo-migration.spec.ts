import { fixedId, withMigrationDatabase } from '../testing/migration-database';

const BEFORE = 'Migration20261121130000_account_settings';
const PHOTO = 'Migration20261121140000_notification_photo';

const [OWNER, FAN, PICTURE, POST, ON_PHOTO, ON_POST] = [1, 2, 3, 4, 5, 6].map(fixedId);

describe('migration giving notifications their photo, on a database of the previous release', () => {
  it('fills in the photo of earlier photo likes and photo comments, and nothing else', async () => {
    await withMigrationDatabase(async ({ migrator, sql }) => {
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
  ('${fixedId(10)}', '${OWNER}', 'like', '${FAN}', '${PICTURE}', null, now()),
  ('${fixedId(11)}', '${OWNER}', 'like', '${FAN}', null, '${POST}', now()),
  ('${fixedId(12)}', '${OWNER}', 'comment', '${FAN}', '${ON_PHOTO}', null, now()),
  ('${fixedId(13)}', '${OWNER}', 'reply', '${FAN}', '${ON_PHOTO}', null, now()),
  ('${fixedId(14)}', '${OWNER}', 'comment', '${FAN}', '${ON_POST}', '${POST}', now()),
  ('${fixedId(15)}', '${OWNER}', 'friend_request_received', '${FAN}', '${fixedId(99)}', null, now());
`);
      await migrator.up({ to: PHOTO });

      expect(await sql('select id, photo_id from notification order by id')).toEqual([
        { id: fixedId(10), photo_id: PICTURE },
        { id: fixedId(11), photo_id: null },
        { id: fixedId(12), photo_id: PICTURE },
        { id: fixedId(13), photo_id: PICTURE },
        { id: fixedId(14), photo_id: null },
        { id: fixedId(15), photo_id: null },
      ]);

      await migrator.down({ to: BEFORE });
      const columns = await sql<{ column_name: string }>(
        "select column_name from information_schema.columns where table_name = 'notification'",
      );
      expect(columns.map((column) => column.column_name)).not.toContain('photo_id');
    });
  });
});
