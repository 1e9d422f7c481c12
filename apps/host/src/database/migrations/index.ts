import { Migration20261121000000_social_core } from './Migration20261121000000_social_core';

/** Every migration in order; listed explicitly so the compiled host and the tests find the same set. */
export const MIGRATIONS = [
  { name: 'Migration20261121000000_social_core', class: Migration20261121000000_social_core },
];
