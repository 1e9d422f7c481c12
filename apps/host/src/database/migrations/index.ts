import { Migration20261121000000_social_core } from './Migration20261121000000_social_core';
import { Migration20261121010000_friend_request_pair } from './Migration20261121010000_friend_request_pair';
import { Migration20261121020000_economy } from './Migration20261121020000_economy';
import { Migration20261121030000_moderation } from './Migration20261121030000_moderation';
import { Migration20261121040000_albums } from './Migration20261121040000_albums';
import { Migration20261121050000_apps } from './Migration20261121050000_apps';
import { Migration20261121060000_oauth } from './Migration20261121060000_oauth';
import { Migration20261121070000_open_api } from './Migration20261121070000_open_api';
import { Migration20261121080000_events } from './Migration20261121080000_events';
import { Migration20261121090000_app_versions } from './Migration20261121090000_app_versions';
import { Migration20261121100000_orders } from './Migration20261121100000_orders';
import { Migration20261121110000_open_api_gifts } from './Migration20261121110000_open_api_gifts';
import { Migration20261121120000_plugins } from './Migration20261121120000_plugins';
import { Migration20261121130000_account_settings } from './Migration20261121130000_account_settings';
import { Migration20261121140000_notification_photo } from './Migration20261121140000_notification_photo';
import { Migration20261122000000_version_listing } from './Migration20261122000000_version_listing';
import { Migration20261122010000_notification_version } from './Migration20261122010000_notification_version';
import { Migration20261122020000_listed_events } from './Migration20261122020000_listed_events';
import { Migration20261122030000_delivery_answers } from './Migration20261122030000_delivery_answers';
import { Migration20261122040000_audit_log } from './Migration20261122040000_audit_log';
import { Migration20261122050000_user_suspension } from './Migration20261122050000_user_suspension';
import { Migration20261122060000_open_api_usage } from './Migration20261122060000_open_api_usage';
import { Migration20261122070000_version_submit_note } from './Migration20261122070000_version_submit_note';
import { Migration20261202100000_app_invites } from './Migration20261202100000_app_invites';
import { Migration20261203000000_task_leases } from './Migration20261203000000_task_leases';
import { Migration20261203040000_drop_login_throttle } from './Migration20261203040000_drop_login_throttle';
import { Migration20261203100000_event_request_id } from './Migration20261203100000_event_request_id';
import { Migration20261203120000_plugin_disabled_by } from './Migration20261203120000_plugin_disabled_by';
import { Migration20261204090000_change_notifications } from './Migration20261204090000_change_notifications';
import { Migration20261205090000_more_change_notifications } from './Migration20261205090000_more_change_notifications';
import { Migration20261206090000_feed_change_notifications } from './Migration20261206090000_feed_change_notifications';
import { Migration20261207090000_access_token_changes_only } from './Migration20261207090000_access_token_changes_only';

/** Every migration in order; listed explicitly so the compiled host and the tests find the same set. */
export const MIGRATIONS = [
  { name: 'Migration20261121000000_social_core', class: Migration20261121000000_social_core },
  { name: 'Migration20261121010000_friend_request_pair', class: Migration20261121010000_friend_request_pair },
  { name: 'Migration20261121020000_economy', class: Migration20261121020000_economy },
  { name: 'Migration20261121030000_moderation', class: Migration20261121030000_moderation },
  { name: 'Migration20261121040000_albums', class: Migration20261121040000_albums },
  { name: 'Migration20261121050000_apps', class: Migration20261121050000_apps },
  { name: 'Migration20261121060000_oauth', class: Migration20261121060000_oauth },
  { name: 'Migration20261121070000_open_api', class: Migration20261121070000_open_api },
  { name: 'Migration20261121080000_events', class: Migration20261121080000_events },
  { name: 'Migration20261121090000_app_versions', class: Migration20261121090000_app_versions },
  { name: 'Migration20261121100000_orders', class: Migration20261121100000_orders },
  { name: 'Migration20261121110000_open_api_gifts', class: Migration20261121110000_open_api_gifts },
  { name: 'Migration20261121120000_plugins', class: Migration20261121120000_plugins },
  { name: 'Migration20261121130000_account_settings', class: Migration20261121130000_account_settings },
  { name: 'Migration20261121140000_notification_photo', class: Migration20261121140000_notification_photo },
  { name: 'Migration20261122000000_version_listing', class: Migration20261122000000_version_listing },
  {
    name: 'Migration20261122010000_notification_version',
    class: Migration20261122010000_notification_version,
  },
  { name: 'Migration20261122020000_listed_events', class: Migration20261122020000_listed_events },
  { name: 'Migration20261122030000_delivery_answers', class: Migration20261122030000_delivery_answers },
  { name: 'Migration20261122040000_audit_log', class: Migration20261122040000_audit_log },
  { name: 'Migration20261122050000_user_suspension', class: Migration20261122050000_user_suspension },
  { name: 'Migration20261122060000_open_api_usage', class: Migration20261122060000_open_api_usage },
  {
    name: 'Migration20261122070000_version_submit_note',
    class: Migration20261122070000_version_submit_note,
  },
  { name: 'Migration20261202100000_app_invites', class: Migration20261202100000_app_invites },
  { name: 'Migration20261203000000_task_leases', class: Migration20261203000000_task_leases },
  { name: 'Migration20261203040000_drop_login_throttle', class: Migration20261203040000_drop_login_throttle },
  { name: 'Migration20261203100000_event_request_id', class: Migration20261203100000_event_request_id },
  {
    name: 'Migration20261203120000_plugin_disabled_by',
    class: Migration20261203120000_plugin_disabled_by,
  },
  {
    name: 'Migration20261204090000_change_notifications',
    class: Migration20261204090000_change_notifications,
  },
  {
    name: 'Migration20261205090000_more_change_notifications',
    class: Migration20261205090000_more_change_notifications,
  },
  {
    name: 'Migration20261206090000_feed_change_notifications',
    class: Migration20261206090000_feed_change_notifications,
  },
  {
    name: 'Migration20261207090000_access_token_changes_only',
    class: Migration20261207090000_access_token_changes_only,
  },
];
