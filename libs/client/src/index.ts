export { api, call, createHostApi, type HostApi } from './api';
export { ACCOUNT_KEY, accountQuery, useAccount, useSignIn, useSignOut, type Account } from './auth';
export {
  DEFAULT_LANGUAGE,
  initI18n,
  localeResources,
  LANGUAGES,
  rememberedLanguage,
  useLanguage,
  type Language,
} from './i18n';
export {
  isNetworkFailure,
  KongjianApiError,
  problemMessage,
  problemOf,
  type KongjianProblem,
} from './problem';
export { createQueryClient, isClientError } from './query';
export type { HostComponents } from '@kongjian/sdk';
export {
  AUDIT_ACTIONS,
  AUDIT_SUBJECT_TYPES,
  EVENT_TYPES,
  MODERATION_DECISION_ACTIONS,
  MODERATION_SUBJECT_TYPES,
} from '@kongjian/sdk/enums';
export { KONGJIAN_THEME, ThemeProvider } from './theme';
export { useScopeWords } from './scopes';
export { ProblemAlert, QueryState } from './query-state';
export { LanguageButton } from './language-button';
