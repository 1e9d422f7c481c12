import { Migration } from '@mikro-orm/migrations';

/**
 * The photo a notification is about (comments, replies and likes on photos), so a client can link to
 * it as it links to a post through `post_id`. Earlier rows are filled in: a photo like kept the photo
 * as its subject, a photo comment's photo is the comment's.
 */
export class Migration20261121140000_notification_photo extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table notification add column photo_id uuid;
update notification set photo_id = subject_id
 where kind = 'like' and post_id is null and app_id is null and subject_id is not null;
update notification n set photo_id = c.photo_id
  from comment c
 where n.kind in ('comment', 'reply') and n.post_id is null and c.id = n.subject_id and c.photo_id is not null;
`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table notification drop column photo_id;');
  }
}
