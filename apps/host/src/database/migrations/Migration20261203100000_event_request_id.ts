import { Migration } from '@mikro-orm/migrations';

/**
 * The id of the HTTP request that caused an outbox event, when one did, so its webhook delivery (the
 * `Kongjian-Request-Id` header) and the plugin's calls while handling it can be traced back to it.
 */
export class Migration20261203100000_event_request_id extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table app_event add column request_id text;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table app_event drop column request_id;');
  }
}
