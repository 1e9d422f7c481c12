import { Migration } from '@mikro-orm/migrations';

/**
 * The listing (name, description, icon, category) an app had when a version was published, so a
 * version's diff can show how the listing changed since: listings change without review. The
 * version published now keeps the listing of now.
 */
export class Migration20261122000000_version_listing extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table app_version add column listing jsonb;
update app_version v
   set listing = jsonb_build_object('name', a.name, 'description', a.description, 'iconUrl', a.icon_url,
                                    'category', a.category)
  from app a
 where a.id = v.app_id and a.published_version = v.number;
`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table app_version drop column listing;');
  }
}
