import { localeResources } from '@kongjian/client';

/** One JSON file per area and language (`locales/<language>/<namespace>.json`), each an i18next namespace. */
export const consoleLocales = localeResources(
  import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' }),
);
