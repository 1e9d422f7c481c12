import { Migration } from '@mikro-orm/migrations';

/** Gift walls, app notifications and app-wide storage for the Open API. */
export class Migration20261121110000_open_api_gifts extends Migration {
  override async up(): Promise<void> {
    // TODO(OPENAPI_EXT): schema
  }

  override async down(): Promise<void> {
    // TODO(OPENAPI_EXT): schema
  }
}
