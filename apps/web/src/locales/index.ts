import type { Language } from '@kongjian/client';
import type { Resource } from 'i18next';

/** One JSON file per feature and language (`locales/<language>/<namespace>.json`), each an i18next namespace. */
const files = import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' });

function namespacesOf(language: Language): Resource[string] {
  const namespaces: Resource[string] = {};
  for (const [file, strings] of Object.entries(files)) {
    const [, folder, namespace] = file.match(/^\.\/([^/]+)\/([^/]+)\.json$/)!;
    if (folder === language) namespaces[namespace!] = strings as Resource[string][string];
  }
  return namespaces;
}

export const localeResources: Record<Language, Resource[string]> = {
  'zh-CN': namespacesOf('zh-CN'),
  en: namespacesOf('en'),
};
