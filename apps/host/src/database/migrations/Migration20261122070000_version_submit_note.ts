import { Migration } from '@mikro-orm/migrations';

/** What the developer told the reviewer when submitting a version; null when they said nothing. */
export class Migration20261122070000_version_submit_note extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table app_version add column submit_note text;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table app_version drop column submit_note;');
  }
}
