import { Migration } from '@mikro-orm/migrations';

/** Built-in plugins: their registration and circuit-breaker state. */
export class Migration20261121120000_plugins extends Migration {
  override async up(): Promise<void> {
    // TODO(PLUGINS): schema
  }

  override async down(): Promise<void> {
    // TODO(PLUGINS): schema
  }
}
