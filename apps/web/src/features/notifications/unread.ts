import { api, call, useAccount } from '@kongjian/client';
import { useQuery } from '@tanstack/react-query';

export const UNREAD_KEY = ['notifications', 'unread-count'] as const;

/** How often the badge asks for the count. */
const POLL_MS = 30_000;

/** The number of unread notifications for the header badge. */
export function useUnreadCount(): number {
  const account = useAccount();
  const unread = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: () => call(api.GET('/notifications/unread-count')),
    enabled: !!account.data,
    refetchInterval: POLL_MS,
  });
  return unread.data?.count ?? 0;
}
