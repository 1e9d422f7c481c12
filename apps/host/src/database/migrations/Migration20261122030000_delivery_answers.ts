import { Migration } from '@mikro-orm/migrations';

/** What a webhook receiver answered to an event's last attempt, for the developer's delivery log. */
export class Migration20261122030000_delivery_answers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table app_event add column last_status_code integer,
  add column last_response_excerpt text;
`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table app_event drop column last_status_code, drop column last_response_excerpt;');
  }
}
