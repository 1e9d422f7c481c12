import { Migration } from '@mikro-orm/migrations';

/**
 * Account settings: the audience the web app preselects for a new post. `default_group_ids` are the
 * user's own friend groups and are set exactly when `default_privacy` is 'groups'; deleting a group
 * takes it out (and a 'groups' default left without groups becomes 'private', never a wider one).
 */
export class Migration20261121130000_account_settings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table user_account
  add column default_privacy text not null default 'public'
    check (default_privacy in ('public', 'friends', 'groups', 'private')),
  add column default_group_ids uuid[] not null default '{}';
`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table user_account drop column default_privacy, drop column default_group_ids;');
  }
}
