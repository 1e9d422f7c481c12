import { api, call, type HostComponents } from '@kongjian/client';
import {
  type InfiniteData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { UNREAD_KEY } from './unread';

export type Notification = HostComponents['schemas']['NotificationResponse'];
type NotificationPage = HostComponents['schemas']['NotificationPage'];

export const NOTIFICATIONS_KEY = ['notifications', 'list'] as const;

/** What I have been told, newest first, a keyset page at a time. */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: ({ pageParam }) => call(api.GET('/notifications', { params: { query: { cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/**
 * Marks some notifications read (all of them without `ids`). The list and the badge change at once; the
 * host's live stream then confirms the count.
 */
export function useMarkRead() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => call(api.POST('/notifications/read', { body: ids ? { ids } : {} })),
    onMutate: async (ids) => {
      await queries.cancelQueries({ queryKey: NOTIFICATIONS_KEY });
      await queries.cancelQueries({ queryKey: UNREAD_KEY });
      const list = queries.getQueryData<InfiniteData<NotificationPage>>(NOTIFICATIONS_KEY);
      const unread = queries.getQueryData<{ count: number }>(UNREAD_KEY);
      const marks = (item: Notification) => !item.read && (!ids || ids.includes(item.id));
      const newlyRead = list?.pages.flatMap((page) => page.items).filter(marks).length ?? 0;
      if (list) {
        queries.setQueryData<InfiniteData<NotificationPage>>(NOTIFICATIONS_KEY, {
          ...list,
          pages: list.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (marks(item) ? { ...item, read: true } : item)),
          })),
        });
      }
      if (unread) {
        queries.setQueryData(UNREAD_KEY, { count: ids ? Math.max(0, unread.count - newlyRead) : 0 });
      }
      return { list, unread };
    },
    onError: (_error, _ids, context) => {
      if (context?.list) queries.setQueryData(NOTIFICATIONS_KEY, context.list);
      if (context?.unread) queries.setQueryData(UNREAD_KEY, context.unread);
    },
    onSettled: () => queries.invalidateQueries({ queryKey: UNREAD_KEY }),
  });
}

/** A photo's album and owner, to link a photo notification to its album page. */
export function usePhoto(photoId: string | null) {
  return useQuery({
    queryKey: ['photos', photoId],
    queryFn: () => call(api.GET('/photos/{photoId}', { params: { path: { photoId: photoId! } } })),
    enabled: !!photoId,
    // The photo may have been deleted since: the notification then links nowhere, without retries.
    retry: false,
  });
}
