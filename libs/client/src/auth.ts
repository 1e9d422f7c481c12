import type { HostComponents } from '@kongjian/sdk';
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './api';
import { problemOf } from './problem';

export type Account = HostComponents['schemas']['AccountResponse'];

export const ACCOUNT_KEY = ['account'] as const;

/**
 * A new person (or nobody) is signed in: drop everything fetched for the previous one. The account query
 * itself is updated in place, because the shell observes it.
 */
function switchAccount(queries: QueryClient, account: Account | null): void {
  queries.removeQueries({ predicate: (query) => query.queryKey[0] !== ACCOUNT_KEY[0] });
  queries.setQueryData(ACCOUNT_KEY, account);
}

/** The signed-in account, `null` when nobody is signed in (the session cookie is missing or ended). */
export const accountQuery = queryOptions({
  queryKey: ACCOUNT_KEY,
  queryFn: async (): Promise<Account | null> => {
    try {
      return await call(api.GET('/account'));
    } catch (error) {
      if (problemOf(error)?.status === 401) return null;
      throw error;
    }
  },
  staleTime: Infinity,
});

export function useAccount() {
  return useQuery(accountQuery);
}

/** Signs in (or up, with `register`); the host sets the session cookie and the account becomes known. */
export function useSignIn(mode: 'login' | 'register') {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) =>
      call(
        mode === 'login'
          ? api.POST('/sessions', { body: credentials })
          : api.POST('/accounts', { body: credentials }),
      ),
    onSuccess: (signedIn) => switchAccount(queries, signedIn.account),
  });
}

/** Ends this session and forgets everything fetched as this person. */
export function useSignOut() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.DELETE('/sessions/current')),
    onSettled: () => switchAccount(queries, null),
  });
}
