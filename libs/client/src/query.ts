import { KongjianApiError } from '@kongjian/sdk/problem';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ACCOUNT_KEY } from './auth';

/** How long fetched data counts as fresh before a screen that shows it refetches in the background. */
const STALE_MS = 15_000;
/** Network failures and 5xx answers are retried this many times; a 4xx never is (it would answer the same). */
const RETRIES = 2;

export function isClientError(error: unknown): boolean {
  return error instanceof KongjianApiError && error.status >= 400 && error.status < 500;
}

export function createQueryClient(): QueryClient {
  /**
   * The host no longer knows a session the page thinks is signed in: it ended elsewhere (signed out on
   * another device, or an admin suspended the account). Asking again who is signed in lets the page send
   * the person to sign in at once, instead of showing "sign in first" on every request that follows.
   */
  const sessionEnded = (error: unknown) => {
    if (
      error instanceof KongjianApiError &&
      error.problem.code === 'unauthenticated' &&
      client.getQueryData(ACCOUNT_KEY)
    ) {
      void client.invalidateQueries({ queryKey: ACCOUNT_KEY });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: sessionEnded }),
    mutationCache: new MutationCache({ onError: sessionEnded }),
    defaultOptions: {
      queries: {
        staleTime: STALE_MS,
        retry: (failures, error) => !isClientError(error) && failures < RETRIES,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
