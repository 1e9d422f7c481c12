import i18next, { type i18n, type Resource } from 'i18next';
import { useCallback } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** Where the choice is remembered: localStorage for the UIs, a cookie so the host's own pages can follow it. */
const STORAGE_KEY = 'kongjian.language';
const COOKIE = 'kj_lang';
const COOKIE_MAX_AGE_SECONDS = 365 * 86_400;

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

export function rememberedLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
}

function applyLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  document.cookie = `${COOKIE}=${language}; path=/; max-age=${COOKIE_MAX_AGE_SECONDS}; samesite=lax`;
  document.documentElement.lang = language;
}

/**
 * Starts i18next with the shared namespaces (`problem`, `common`) merged with the app's own resources, in the
 * remembered language. A key missing from a locale is a bug: in development it is logged loudly.
 */
export async function initI18n(resources: Record<Language, Resource[string]>): Promise<i18n> {
  const language = rememberedLanguage();
  applyLanguage(language);
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    defaultNS: 'common',
    resources: {
      'zh-CN': { ...zhCN, ...resources['zh-CN'] },
      en: { ...en, ...resources.en },
    },
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (languages, namespace, key) =>
      console.error(`missing translation ${namespace}:${key} (${languages.join(', ')})`),
  });
  return i18next;
}

/**
 * A UI's own strings, one JSON file per namespace and language (`./<language>/<namespace>.json`), as
 * `import.meta.glob('./*\/*.json', { eager: true, import: 'default' })` gives them, in i18next's shape.
 */
export function localeResources(
  files: Record<string, Record<string, unknown>>,
): Record<Language, Resource[string]> {
  const resources: Record<Language, Resource[string]> = { 'zh-CN': {}, en: {} };
  for (const [file, strings] of Object.entries(files)) {
    const [, language, namespace] = file.match(/^\.\/([^/]+)\/([^/]+)\.json$/)!;
    if (isLanguage(language)) resources[language][namespace!] = strings as Resource[string][string];
  }
  return resources;
}

/** The current language and a switch that is remembered for the next visit. */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const current = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const change = useCallback(
    (language: Language) => {
      applyLanguage(language);
      void i18n.changeLanguage(language);
    },
    [i18n],
  );
  return [current, change];
}
