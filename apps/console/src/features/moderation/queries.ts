import { api, call, type HostComponents } from '@kongjian/client';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';

export type ModerationCase = HostComponents['schemas']['ModerationCaseResponse'];
export type Decision = HostComponents['schemas']['ModerationDecisionResponse'];
export type KeywordRule = HostComponents['schemas']['KeywordRuleResponse'];
export type KeywordAction = KeywordRule['action'];
export type SubjectType = ModerationCase['subjectType'];
export type DecisionAction = Decision['action'];

export const KEYWORD_ACTIONS: KeywordAction[] = ['block', 'hold', 'flag'];

const MODERATION_KEY = ['moderation'] as const;
const page = { initialPageParam: undefined as string | undefined };

export function useCases(status: 'open' | 'closed') {
  return useInfiniteQuery({
    queryKey: [...MODERATION_KEY, 'cases', status],
    queryFn: ({ pageParam }) =>
      call(api.GET('/admin/moderation/cases', { params: { query: { status, cursor: pageParam } } })),
    ...page,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The decision log's filters, as the host takes them (times as ISO instants; `to` is exclusive). */
export interface DecisionFilter {
  subjectType?: Decision['subjectType'];
  action?: DecisionAction;
  adminId?: string;
  from?: string;
  to?: string;
}

export function useDecisions(filter: DecisionFilter) {
  return useInfiniteQuery({
    queryKey: [...MODERATION_KEY, 'decisions', filter],
    queryFn: ({ pageParam }) =>
      call(api.GET('/admin/moderation/decisions', { params: { query: { ...filter, cursor: pageParam } } })),
    ...page,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRules() {
  return useInfiniteQuery({
    queryKey: [...MODERATION_KEY, 'rules'],
    queryFn: ({ pageParam }) =>
      call(api.GET('/admin/moderation/rules', { params: { query: { cursor: pageParam } } })),
    ...page,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A decision on one item; the reason is required to reject or unpublish (its author reads it). */
export function useDecide() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({
      action,
      subjectType,
      subjectId,
      reason,
    }: {
      action: DecisionAction;
      subjectType: SubjectType;
      subjectId: string;
      reason: string;
    }) => {
      const params = { path: { subjectType, subjectId } };
      const body = reason ? { reason } : {};
      switch (action) {
        case 'approve':
          return call(
            api.POST('/admin/moderation/subjects/{subjectType}/{subjectId}/approve', { params, body }),
          );
        case 'dismiss':
          return call(
            api.POST('/admin/moderation/subjects/{subjectType}/{subjectId}/dismiss', { params, body }),
          );
        case 'reject':
          return call(
            api.POST('/admin/moderation/subjects/{subjectType}/{subjectId}/reject', {
              params,
              body: { reason },
            }),
          );
        case 'unpublish':
          return call(
            api.POST('/admin/moderation/subjects/{subjectType}/{subjectId}/unpublish', {
              params,
              body: { reason },
            }),
          );
      }
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: MODERATION_KEY }),
  });
}

/** What posting a text would do under today's rules, asked of the host (its matching, not a copy). */
export function useCheckText() {
  return useMutation({
    mutationFn: (text: string) => call(api.POST('/admin/moderation/rules/check', { body: { text } })),
  });
}

export function useRuleActions() {
  const queries = useQueryClient();
  const refresh = () => queries.invalidateQueries({ queryKey: [...MODERATION_KEY, 'rules'] });
  return {
    create: useMutation({
      mutationFn: (body: { phrase: string; action: KeywordAction }) =>
        call(api.POST('/admin/moderation/rules', { body })),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ ruleId, action }: { ruleId: string; action: KeywordAction }) =>
        call(
          api.PATCH('/admin/moderation/rules/{ruleId}', { params: { path: { ruleId } }, body: { action } }),
        ),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (ruleId: string) =>
        call(api.DELETE('/admin/moderation/rules/{ruleId}', { params: { path: { ruleId } } })),
      onSuccess: refresh,
    }),
  };
}
