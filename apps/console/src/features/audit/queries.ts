import { api, call, type HostComponents } from '@kongjian/client';
import { useInfiniteQuery } from '@tanstack/react-query';

export type AuditEntry = HostComponents['schemas']['AuditEntryResponse'];
export type AuditAction = AuditEntry['action'];
export type AuditSubjectType = AuditEntry['subjectType'];
/** The log's filters, as the host takes them (times as ISO instants; `to` is exclusive). */
export interface AuditFilter {
  actorId?: string;
  action?: AuditAction;
  subjectType?: AuditSubjectType;
  subjectId?: string;
  from?: string;
  to?: string;
}

export const AUDIT_KEY = ['audit'] as const;

/** The admins' actions, newest first, a page at a time. */
export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: [...AUDIT_KEY, filter],
    queryFn: ({ pageParam }) =>
      call(api.GET('/admin/audit-log', { params: { query: { ...filter, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
