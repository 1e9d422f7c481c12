import { Migration } from '@mikro-orm/migrations';

/** App versions with manifests and their review; app center installs, ratings and invites. */
export class Migration20261121090000_app_versions extends Migration {
  override async up(): Promise<void> {
    // TODO(APPCENTER): schema
  }

  override async down(): Promise<void> {
    // TODO(APPCENTER): schema
  }
}
