import { api, call, useAccount } from '@kongjian/client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

export const UNREAD_KEY = ['notifications', 'unread-count'] as const;
/** The list's key (queries.ts), kept here so the badge does not import the page's queries. */
const NOTIFICATIONS_LIST_KEY = ['notifications', 'list'] as const;

/** How often the badge asks for the count while the live stream is not connected. */
const POLL_MS = 30_000;
/** The host's live count: `event: unread` with `data: {"count": N}` on connecting and on every change. */
const STREAM_URL = '/notifications/stream';
const UNREAD_EVENT = 'unread';

function isCount(value: unknown): value is { count: number } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { count?: unknown }).count === 'number'
  );
}

/**
 * Keeps the unread count current without reloading: the host pushes it over server-sent events, and while
 * that stream is down (connecting, dropped, not supported) the count is polled instead. EventSource retries a
 * dropped stream by itself; the stream is closed when nobody is signed in or another person signs in.
 */
function useUnreadStream(userId: string | undefined): boolean {
  const queries = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!userId || typeof EventSource === 'undefined') return;
    const source = new EventSource(STREAM_URL);
    source.addEventListener('open', () => setLive(true));
    source.addEventListener(UNREAD_EVENT, (event) => {
      try {
        const data: unknown = JSON.parse((event as MessageEvent<string>).data);
        if (!isCount(data)) return;
        const before = queries.getQueryData<{ count: number }>(UNREAD_KEY);
        queries.setQueryData(UNREAD_KEY, { count: data.count });
        // Something new arrived: the list, if anyone has it, is out of date.
        if (before && data.count > before.count) {
          void queries.invalidateQueries({ queryKey: NOTIFICATIONS_LIST_KEY });
        }
      } catch {
        // A malformed event changes nothing; the next one (or the poll) brings the count.
      }
    });
    // Dropped (EventSource will reconnect) or refused (it gives up): poll until it is open again.
    source.addEventListener('error', () => setLive(false));
    return () => {
      source.close();
      setLive(false);
    };
  }, [userId, queries]);
  return live;
}

/** The number of unread notifications for the header badge. */
export function useUnreadCount(): number {
  const account = useAccount();
  const userId = account.data?.id;
  const live = useUnreadStream(userId);
  const unread = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: () => call(api.GET('/notifications/unread-count')),
    enabled: !!userId,
    refetchInterval: live ? false : POLL_MS,
  });
  return userId ? (unread.data?.count ?? 0) : 0;
}
