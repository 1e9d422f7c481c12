import { Migration } from '@mikro-orm/migrations';

/** Every event type there was when the manifest's events began to filter deliveries, sorted as stored. */
export const EVENT_TYPES_THEN = [
  'app.deauthorized',
  'app.installed',
  'app.reminder',
  'app.uninstalled',
  'friend.added',
  'gift.received',
  'order.paid',
  'order.refunded',
  'post.created',
];

/**
 * From now on an app receives only the event types its manifest lists. Until now every app with a
 * webhook received every event whatever it listed, so a third-party app with a webhook URL and no
 * events listed is given every type: its webhook keeps receiving what it did. Versions already
 * decided on (rejected, superseded) stay as they were reviewed.
 */
export class Migration20261122020000_listed_events extends Migration {
  override async up(): Promise<void> {
    const types = EVENT_TYPES_THEN.map((type) => `'${type}'`).join(', ');
    this.addSql(`
update app_version v set manifest = jsonb_set(v.manifest, '{events}', jsonb_build_array(${types}))
  from app a
 where a.id = v.app_id and a.webhook_url is not null and a.plugin_id is null
   and v.status in ('draft', 'submitted', 'approved', 'published')
   and coalesce(jsonb_array_length(v.manifest->'events'), 0) = 0;
update app set events = array[${types}]
 where webhook_url is not null and plugin_id is null and cardinality(events) = 0;
`);
  }

  // Nothing to undo: a list of every event type is as valid a manifest as an empty one.
  override async down(): Promise<void> {}
}
