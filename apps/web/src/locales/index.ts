import { localeResources } from '@kongjian/client';

/** One JSON file per feature and language (`locales/<language>/<namespace>.json`), each an i18next namespace. */
export const webLocales = localeResources(
  import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' }),
);
