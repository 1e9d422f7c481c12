import { KongjianApiError, type KongjianProblem, UNEXPECTED_RESPONSE } from '@kongjian/sdk/problem';
import type { TFunction } from 'i18next';

export { KongjianApiError, type KongjianProblem };

/** The problem behind a failed call, if the host answered one. */
export function problemOf(error: unknown): KongjianProblem | undefined {
  return error instanceof KongjianApiError ? error.problem : undefined;
}

/** True when the request never got an answer (offline, host down): the person can retry. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError || problemOf(error)?.code === UNEXPECTED_RESPONSE;
}

/**
 * A failed call as one sentence in the person's language: the problem's stable `code` picks the words; a code
 * this version does not know yet falls back to the host's own (English) detail, never to a raw code.
 */
export function problemMessage(error: unknown, t: TFunction): string {
  if (error instanceof TypeError) return t('problem:network');
  const problem = problemOf(error);
  if (!problem) return t('problem:unknown');
  if (problem.code === UNEXPECTED_RESPONSE) {
    return problem.status >= 500 ? t('problem:server') : t('problem:network');
  }
  if (problem.code === 'validation_failed' && problem.errors?.length) {
    return t('problem:validation_failed_fields', {
      fields: problem.errors.map((field) => field.field).join(t('problem:list_separator')),
    });
  }
  return t(`problem:${problem.code}`, { defaultValue: problem.detail ?? t('problem:unknown') });
}
