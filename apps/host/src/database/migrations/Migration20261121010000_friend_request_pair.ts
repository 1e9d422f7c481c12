import { Migration } from '@mikro-orm/migrations';

/**
 * At most one pending request per pair of people, whichever way it points: two people asking each
 * other at the same moment must not both end up with a pending request.
 */
export class Migration20261121010000_friend_request_pair extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
drop index friend_request_pending_idx;
create unique index friend_request_pending_pair_idx
  on friend_request (least(from_id, to_id), greatest(from_id, to_id)) where status = 'pending';
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop index friend_request_pending_pair_idx;
create unique index friend_request_pending_idx on friend_request (from_id, to_id) where status = 'pending';
`);
  }
}
