import { api, call, type HostComponents } from '@kongjian/client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AUDIT_KEY } from '../audit/queries';

export type AdminUser = HostComponents['schemas']['AdminUserResponse'];
export type Role = AdminUser['roles'][number];

/** The roles an admin can give or take; everyone keeps `user`. */
export const GRANTABLE_ROLES: Role[] = ['developer', 'admin'];

const USERS_KEY = ['users'] as const;

/** People whose username or nickname contains `q`, or everyone (newest first) when there is no `q`. */
export function useUserSearch(q: string) {
  return useInfiniteQuery({
    queryKey: [...USERS_KEY, 'search', q],
    queryFn: ({ pageParam }) =>
      call(api.GET('/admin/users', { params: { query: { q: q || undefined, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAdminUser(userId: string) {
  return useQuery({
    queryKey: [...USERS_KEY, userId],
    queryFn: () => call(api.GET('/admin/users/{userId}', { params: { path: { userId } } })),
  });
}

/** An admin's decisions on one account; each answers the account as it now is, and adds to the audit log. */
export function useUserActions(userId: string) {
  const queries = useQueryClient();
  const params = { path: { userId } };
  const settle = {
    onSuccess: (user: AdminUser) => {
      queries.setQueryData([...USERS_KEY, userId], user);
      void queries.invalidateQueries({ queryKey: [...USERS_KEY, 'search'] });
      void queries.invalidateQueries({ queryKey: AUDIT_KEY });
    },
  };
  return {
    setRoles: useMutation({
      mutationFn: (roles: Role[]) =>
        call(api.PUT('/admin/users/{userId}/roles', { params, body: { roles } })),
      ...settle,
    }),
    suspend: useMutation({
      mutationFn: (reason: string) =>
        call(api.POST('/admin/users/{userId}/suspend', { params, body: { reason } })),
      ...settle,
    }),
    unsuspend: useMutation({
      mutationFn: (reason: string) =>
        call(api.POST('/admin/users/{userId}/unsuspend', { params, body: reason ? { reason } : {} })),
      ...settle,
    }),
  };
}
