import { Migration } from '@mikro-orm/migrations';

/** The app version a notification is about (admins' decisions told to the app's developer). */
export class Migration20261122010000_notification_version extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table notification add column version_number integer;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table notification drop column version_number;');
  }
}
