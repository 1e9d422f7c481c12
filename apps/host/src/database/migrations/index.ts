import { Migration20261121000000_social_core } from './Migration20261121000000_social_core';
import { Migration20261121010000_friend_request_pair } from './Migration20261121010000_friend_request_pair';
import { Migration20261121020000_economy } from './Migration20261121020000_economy';
import { Migration20261121030000_moderation } from './Migration20261121030000_moderation';
import { Migration20261121040000_albums } from './Migration20261121040000_albums';
import { Migration20261121050000_apps } from './Migration20261121050000_apps';
import { Migration20261121060000_oauth } from './Migration20261121060000_oauth';
import { Migration20261121070000_open_api } from './Migration20261121070000_open_api';

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
];
