import type { HostComponents } from '@kongjian/sdk';
import { useTranslation } from 'react-i18next';

type Scope = HostComponents['schemas']['AppResponse']['scopes'][number];

/**
 * A scope in a person's words, never the raw scope string: the full sentence of the consent page
 * (`common:scope.*`), or the short form a tag holds (`common:scopeShort.*`).
 */
export function useScopeWords(form: 'full' | 'short' = 'full'): (scope: Scope) => string {
  const { t } = useTranslation();
  const group = form === 'full' ? 'scope' : 'scopeShort';
  return (scope) => t(`common:${group}.${scope.replace(':', '_')}`);
}
