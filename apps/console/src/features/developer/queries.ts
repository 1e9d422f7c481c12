import { ACCOUNT_KEY, api, call, type HostComponents } from '@kongjian/client';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';

export type App = HostComponents['schemas']['AppResponse'];
export type AppVersion = HostComponents['schemas']['AppVersionResponse'];
export type HistoryEntry = HostComponents['schemas']['AppHistoryEntryResponse'];
export type VersionDiff = HostComponents['schemas']['VersionDiffResponse'];
export type Manifest = HostComponents['schemas']['AppManifestRequest'];
export type Listing = HostComponents['schemas']['AppListingRequest'];
export type NewApp = HostComponents['schemas']['CreateAppRequest'];
export type Scope = App['scopes'][number];
export type Category = App['category'];
export type Delivery = HostComponents['schemas']['WebhookDeliveryResponse'];
export type EventType = App['events'][number];
export type Usage = HostComponents['schemas']['AppUsageResponse'];
export type Order = HostComponents['schemas']['OpenOrder'];
export type OrderTotals = HostComponents['schemas']['OrderTotals'];
export type OrderStatus = Order['status'];

export const CATEGORIES: Category[] = ['games', 'social', 'tools', 'lifestyle', 'entertainment', 'education'];
export const SCOPES: Scope[] = [
  'profile:read',
  'friends:read',
  'feed:write',
  'storage',
  'gifts:send',
  'coins:charge',
  'notifications:send',
  'invites:send',
];

/** Everything about one app lives under `['developer', 'apps', id]`, so a change refreshes all of it. */
const APPS_KEY = ['developer', 'apps'] as const;
const appKey = (appId: string) => [...APPS_KEY, appId] as const;
const webhookKey = (appId: string) => [...appKey(appId), 'webhook'] as const;
const cursorPages = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor ?? undefined,
};
/** How often the delivery log looks again while an event is still on its way. */
const PENDING_POLL_MS = 2000;

export function useMyApps() {
  return useQuery({ queryKey: APPS_KEY, queryFn: () => call(api.GET('/developer/apps')) });
}

export function useBecomeDeveloper() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/developer/registration')),
    onSuccess: (account) => queries.setQueryData(ACCOUNT_KEY, account),
  });
}

export function useCreateApp() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: NewApp) => call(api.POST('/developer/apps', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: APPS_KEY }),
  });
}

export function useApp(appId: string) {
  return useQuery({
    queryKey: [...appKey(appId), 'app'],
    queryFn: () => call(api.GET('/developer/apps/{appId}', { params: { path: { appId } } })),
  });
}

export function useUpdateListing(appId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Listing) =>
      call(api.PUT('/developer/apps/{appId}', { params: { path: { appId } }, body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: APPS_KEY }),
  });
}

/** The icon is re-encoded by the host; the app's new iconUrl shows wherever the app is listed. */
export function useUploadIcon(appId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return call(
        api.PUT('/developer/apps/{appId}/icon', {
          params: { path: { appId } },
          // openapi-fetch sends a FormData as it is, and the browser sets the multipart boundary.
          body: form as unknown as { file: string },
        }),
      );
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: APPS_KEY }),
  });
}

export function useRotateSecret(appId: string) {
  return useMutation({
    mutationFn: () => call(api.POST('/developer/apps/{appId}/secret', { params: { path: { appId } } })),
  });
}

export function useVersions(appId: string) {
  return useQuery({
    queryKey: [...appKey(appId), 'versions'],
    queryFn: () => call(api.GET('/developer/apps/{appId}/versions', { params: { path: { appId } } })),
  });
}

/** A new draft (from a manifest), an edited draft, or a move: submit for review, publish once approved. */
export function useVersionActions(appId: string) {
  const queries = useQueryClient();
  const refresh = () => queries.invalidateQueries({ queryKey: appKey(appId) });
  const path = (number: number) => ({ path: { appId, number } });
  return {
    create: useMutation({
      mutationFn: (body: Manifest) =>
        call(api.POST('/developer/apps/{appId}/versions', { params: { path: { appId } }, body })),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ number, manifest }: { number: number; manifest: Manifest }) =>
        call(
          api.PATCH('/developer/apps/{appId}/versions/{number}', { params: path(number), body: manifest }),
        ),
      onSuccess: refresh,
    }),
    submit: useMutation({
      mutationFn: ({ number, note }: { number: number; note: string }) =>
        call(
          api.POST('/developer/apps/{appId}/versions/{number}/submit', {
            params: path(number),
            body: note.trim() ? { note: note.trim() } : {},
          }),
        ),
      onSuccess: refresh,
    }),
    publish: useMutation({
      mutationFn: (number: number) =>
        call(api.POST('/developer/apps/{appId}/versions/{number}/publish', { params: path(number) })),
      onSuccess: refresh,
    }),
  };
}

/** How a version differs from the published one, as the host works it out (the developer's copy). */
export function useVersionDiff(appId: string, number: number) {
  return useQuery({
    queryKey: [...appKey(appId), 'versions', number, 'diff'],
    queryFn: () =>
      call(
        api.GET('/developer/apps/{appId}/versions/{number}/diff', { params: { path: { appId, number } } }),
      ),
  });
}

export function useTesters(appId: string) {
  return useQuery({
    queryKey: [...appKey(appId), 'testers'],
    queryFn: () => call(api.GET('/developer/apps/{appId}/testers', { params: { path: { appId } } })),
  });
}

/** Testers are named by username (404 `unknown_username` when nobody has it). */
export function useTesterActions(appId: string) {
  const queries = useQueryClient();
  const refresh = () => queries.invalidateQueries({ queryKey: [...appKey(appId), 'testers'] });
  return {
    add: useMutation({
      mutationFn: (username: string) =>
        call(
          api.POST('/developer/apps/{appId}/testers', { params: { path: { appId } }, body: { username } }),
        ),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (userId: string) =>
        call(api.DELETE('/developer/apps/{appId}/testers/{userId}', { params: { path: { appId, userId } } })),
      onSuccess: refresh,
    }),
  };
}

export function useWebhook(appId: string) {
  return useQuery({
    queryKey: webhookKey(appId),
    queryFn: () => call(api.GET('/developer/apps/{appId}/webhook', { params: { path: { appId } } })),
  });
}

export function useRotateWebhookSecret(appId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () =>
      call(api.POST('/developer/apps/{appId}/webhook/secret', { params: { path: { appId } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: webhookKey(appId) }),
  });
}

/** The delivery log, newest first, looked at again every couple of seconds while an event is on its way. */
export function useDeliveries(appId: string) {
  return useInfiniteQuery({
    queryKey: [...webhookKey(appId), 'deliveries'],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/developer/apps/{appId}/webhook/deliveries', {
          params: { path: { appId }, query: { cursor: pageParam } },
        }),
      ),
    ...cursorPages,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((item) => item.status === 'pending'))
        ? PENDING_POLL_MS
        : false,
  });
}

/** A test event, or an event sent again; either shows at once in the log, which then follows it. */
export function useDeliveryActions(appId: string) {
  const queries = useQueryClient();
  const refresh = () => queries.invalidateQueries({ queryKey: webhookKey(appId) });
  return {
    sendTest: useMutation({
      mutationFn: () =>
        call(api.POST('/developer/apps/{appId}/webhook/test', { params: { path: { appId } } })),
      onSuccess: refresh,
    }),
    redeliver: useMutation({
      mutationFn: (eventId: string) =>
        call(
          api.POST('/developer/apps/{appId}/webhook/deliveries/{eventId}/redeliver', {
            params: { path: { appId, eventId } },
          }),
        ),
      onSuccess: refresh,
    }),
  };
}

export function useUsage(appId: string, days: number) {
  return useQuery({
    queryKey: [...appKey(appId), 'usage', days],
    queryFn: () =>
      call(api.GET('/developer/apps/{appId}/usage', { params: { path: { appId }, query: { days } } })),
    // Switching between 7 and 30 days keeps the last answer on screen until the new one is there.
    placeholderData: keepPreviousData,
  });
}

export function useOrders(appId: string) {
  return useInfiniteQuery({
    queryKey: [...appKey(appId), 'orders'],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/developer/apps/{appId}/orders', {
          params: { path: { appId }, query: { cursor: pageParam } },
        }),
      ),
    ...cursorPages,
  });
}
