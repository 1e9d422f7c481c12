import { api, call, type HostComponents } from '@kongjian/client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export type SubmittedVersion = HostComponents['schemas']['SubmittedVersionResponse'];
export type AdminApp = HostComponents['schemas']['AdminAppResponse'];

const REVIEW_KEY = ['review'] as const;

/** Versions waiting for a reviewer, oldest submission first, a page at a time. */
export function useReviewQueue() {
  return useInfiniteQuery({
    queryKey: [...REVIEW_KEY, 'queue'],
    queryFn: ({ pageParam }) =>
      call(api.GET('/admin/app-versions', { params: { query: { cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAdminApp(appId: string) {
  return useQuery({
    queryKey: [...REVIEW_KEY, 'apps', appId],
    queryFn: () => call(api.GET('/admin/apps/{appId}', { params: { path: { appId } } })),
  });
}

/** How a version differs from the published one, as the host works it out for its review. */
export function useReviewDiff(appId: string, number: number) {
  return useQuery({
    queryKey: [...REVIEW_KEY, 'apps', appId, 'diff', number],
    queryFn: () =>
      call(api.GET('/admin/apps/{appId}/versions/{number}/diff', { params: { path: { appId, number } } })),
  });
}

/** The reviewer's decisions on a version, and on the app as a whole; each refreshes the queue. */
export function useReviewActions(appId: string) {
  const queries = useQueryClient();
  const settle = { onSuccess: () => queries.invalidateQueries({ queryKey: REVIEW_KEY }) };
  const version = (number: number) => ({ path: { appId, number } });
  return {
    approve: useMutation({
      mutationFn: ({ number, reason }: { number: number; reason?: string }) =>
        call(
          api.POST('/admin/apps/{appId}/versions/{number}/approve', {
            params: version(number),
            body: reason ? { reason } : {},
          }),
        ),
      ...settle,
    }),
    reject: useMutation({
      mutationFn: ({ number, reason }: { number: number; reason: string }) =>
        call(
          api.POST('/admin/apps/{appId}/versions/{number}/reject', {
            params: version(number),
            body: { reason },
          }),
        ),
      ...settle,
    }),
    suspend: useMutation({
      mutationFn: (reason: string) =>
        call(api.POST('/admin/apps/{appId}/suspend', { params: { path: { appId } }, body: { reason } })),
      ...settle,
    }),
    reinstate: useMutation({
      mutationFn: (reason?: string) =>
        call(
          api.POST('/admin/apps/{appId}/reinstate', {
            params: { path: { appId } },
            body: reason ? { reason } : {},
          }),
        ),
      ...settle,
    }),
  };
}
