import { Migration } from '@mikro-orm/migrations';

/**
 * Each app's Open API calls per UTC day and operation, with how many were answered 4xx (apart from
 * 429), 429 and 5xx: what its developer sees to learn why the app is throttled or failing.
 */
export class Migration20261122060000_open_api_usage extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table open_api_usage (
  app_id uuid not null references app(id) on delete cascade,
  day date not null,
  operation text not null,
  calls integer not null,
  client_errors integer not null,
  rate_limited integer not null,
  server_errors integer not null,
  primary key (app_id, day, operation)
);
create index open_api_usage_day_idx on open_api_usage (day);
`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table open_api_usage;');
  }
}
