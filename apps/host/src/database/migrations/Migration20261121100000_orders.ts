import { Migration } from '@mikro-orm/migrations';

/** Orders: coins charged through apps, confirmed by the user, delivered by the app. */
export class Migration20261121100000_orders extends Migration {
  override async up(): Promise<void> {
    // TODO(ORDERS): schema
  }

  override async down(): Promise<void> {
    // TODO(ORDERS): schema
  }
}
