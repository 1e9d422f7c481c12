import { KongjianApiError } from '@kongjian/sdk/problem';
import { QueryClient } from '@tanstack/react-query';

/** How long fetched data counts as fresh before a screen that shows it refetches in the background. */
const STALE_MS = 15_000;
/** Network failures and 5xx answers are retried this many times; a 4xx never is (it would answer the same). */
const RETRIES = 2;

export function isClientError(error: unknown): boolean {
  return error instanceof KongjianApiError && error.status >= 400 && error.status < 500;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: STALE_MS,
        retry: (failures, error) => !isClientError(error) && failures < RETRIES,
      },
      mutations: { retry: false },
    },
  });
}
