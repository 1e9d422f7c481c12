import { ACCOUNT_KEY, api, call, type HostComponents } from '@kongjian/client';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export type Session = HostComponents['schemas']['SessionResponse'];
export type AuthorizedApp = HostComponents['schemas']['AuthorizedAppResponse'];
export type DefaultPrivacy = HostComponents['schemas']['UpdateAccountSettingsRequest'];

export const SESSIONS_KEY = ['sessions'] as const;
export const AUTHORIZED_APPS_KEY = ['authorized-apps'] as const;

/** Removes one item from a cached `{ items }` list, returning the list before for rollback. */
function removeItem<Item>(queries: QueryClient, key: readonly unknown[], remove: (item: Item) => boolean) {
  const before = queries.getQueryData<{ items: Item[] }>(key);
  if (before) queries.setQueryData(key, { items: before.items.filter((item) => !remove(item)) });
  return before;
}

/** Changes my password; the host ends my other sessions, so the session list is fetched again. */
export function useChangePassword() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      call(api.PUT('/account/password', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useSessions() {
  return useQuery({ queryKey: SESSIONS_KEY, queryFn: () => call(api.GET('/sessions')) });
}

export function useEndSession() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) =>
      call(api.DELETE('/sessions/{sessionId}', { params: { path: { sessionId } } })),
    onMutate: async (sessionId) => {
      await queries.cancelQueries({ queryKey: SESSIONS_KEY });
      return { before: removeItem<Session>(queries, SESSIONS_KEY, (session) => session.id === sessionId) };
    },
    onError: (_error, _id, context) => {
      if (context?.before) queries.setQueryData(SESSIONS_KEY, context.before);
    },
    onSettled: () => queries.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useAuthorizedApps() {
  return useQuery({ queryKey: AUTHORIZED_APPS_KEY, queryFn: () => call(api.GET('/me/authorized-apps')) });
}

/** Revoking an app uninstalls it too, so my app list is fetched again as well. */
export function useRevokeApp() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (appId: string) =>
      call(api.DELETE('/me/authorized-apps/{appId}', { params: { path: { appId } } })),
    onMutate: async (appId) => {
      await queries.cancelQueries({ queryKey: AUTHORIZED_APPS_KEY });
      return {
        before: removeItem<AuthorizedApp>(queries, AUTHORIZED_APPS_KEY, (app) => app.appId === appId),
      };
    },
    onError: (_error, _id, context) => {
      if (context?.before) queries.setQueryData(AUTHORIZED_APPS_KEY, context.before);
    },
    onSettled: () =>
      Promise.all([
        queries.invalidateQueries({ queryKey: AUTHORIZED_APPS_KEY }),
        queries.invalidateQueries({ queryKey: ['me', 'apps'] }),
      ]),
  });
}

/** The audience preselected for my new posts; the host answers with my account, which the app keeps. */
export function useUpdateDefaultPrivacy() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: DefaultPrivacy) => call(api.PATCH('/account/settings', { body })),
    onSuccess: (account) => queries.setQueryData(ACCOUNT_KEY, account),
  });
}
