import { api, call, type HostComponents } from '@kongjian/client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export type CenterApp = HostComponents['schemas']['AppCenterAppResponse'];
export type AppDetail = HostComponents['schemas']['AppCenterDetailResponse'];
export type InstalledApp = HostComponents['schemas']['InstalledAppResponse'];
export type AppCategory = CenterApp['category'];
export type Scope = HostComponents['schemas']['ScopeResponse']['scope'];
export type Friend = HostComponents['schemas']['FriendResponse'];
export type InviteResult = HostComponents['schemas']['InviteResponse'];

export const CATEGORIES: AppCategory[] = [
  'games',
  'social',
  'tools',
  'lifestyle',
  'entertainment',
  'education',
];

export const appCenterKeys = {
  all: ['app-center'] as const,
  browse: (category: AppCategory | undefined, q: string) =>
    ['app-center', 'browse', category ?? 'all', q] as const,
  detail: (appId: string) => ['app-center', 'detail', appId] as const,
  mine: ['app-center', 'mine'] as const,
};

/** Published apps, newest first, a keyset page at a time, filtered by category and searched by name. */
export function useBrowseApps(category: AppCategory | undefined, q: string) {
  return useInfiniteQuery({
    queryKey: appCenterKeys.browse(category, q),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/app-center/apps', {
          params: { query: { cursor: pageParam, category, q: q || undefined } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The apps I installed (`/me/apps`). */
export function useMyApps() {
  return useQuery({
    queryKey: appCenterKeys.mine,
    queryFn: () => call(api.GET('/me/apps')),
  });
}

export function useAppDetail(appId: string) {
  return useQuery({
    queryKey: appCenterKeys.detail(appId),
    queryFn: () => call(api.GET('/app-center/apps/{appId}', { params: { path: { appId } } })),
  });
}

/**
 * Install and rating answer with the new detail: it replaces the cached one, and the lists (install counts,
 * "my apps") are refetched.
 */
function useDetailMutation<Variables>(appId: string, mutate: (variables: Variables) => Promise<AppDetail>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: mutate,
    onSuccess: (detail) => {
      queries.setQueryData(appCenterKeys.detail(appId), detail);
      void queries.invalidateQueries({ queryKey: ['app-center', 'browse'] });
      void queries.invalidateQueries({ queryKey: appCenterKeys.mine });
    },
  });
}

/** Installs the app (or grants its pending scopes), leaving out the optional scopes the person unticked. */
export function useInstallApp(appId: string) {
  return useDetailMutation(appId, (declinedScopes: Scope[]) =>
    call(
      api.POST('/app-center/apps/{appId}/install', {
        params: { path: { appId } },
        body: { declinedScopes },
      }),
    ),
  );
}

/** Rates 1–5 stars; the stars show at once and go back if the host refuses. */
export function useRateApp(appId: string) {
  const queries = useQueryClient();
  const key = appCenterKeys.detail(appId);
  return useMutation({
    mutationFn: (stars: number) =>
      call(api.PUT('/app-center/apps/{appId}/rating', { params: { path: { appId } }, body: { stars } })),
    onMutate: async (stars) => {
      await queries.cancelQueries({ queryKey: key });
      const before = queries.getQueryData<AppDetail>(key);
      if (before?.installation) {
        queries.setQueryData<AppDetail>(key, {
          ...before,
          installation: { ...before.installation, myRating: stars },
        });
      }
      return { before };
    },
    onError: (_error, _stars, context) => {
      if (context?.before) queries.setQueryData(key, context.before);
    },
    onSuccess: (detail) => {
      queries.setQueryData(key, detail);
      void queries.invalidateQueries({ queryKey: ['app-center', 'browse'] });
    },
  });
}

export function useUninstallApp(appId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await call(api.DELETE('/app-center/apps/{appId}/install', { params: { path: { appId } } }));
    },
    onSuccess: () => {
      queries.setQueryData<AppDetail>(appCenterKeys.detail(appId), (detail) =>
        detail
          ? { ...detail, installation: null, installCount: Math.max(0, detail.installCount - 1) }
          : detail,
      );
      queries.setQueryData<{ items: InstalledApp[] }>(appCenterKeys.mine, (mine) =>
        mine ? { items: mine.items.filter((app) => app.id !== appId) } : mine,
      );
      void queries.invalidateQueries({ queryKey: appCenterKeys.all });
    },
  });
}

/** `?version=N`: a version being tried before it is published (a reviewer's link carries it). */
export function testedVersion(params: URLSearchParams): number | undefined {
  const version = Number(params.get('version'));
  return Number.isInteger(version) && version > 0 ? version : undefined;
}

/**
 * Opens the canvas: a fresh launch token each time, never cached (it lives two minutes). With a version, that
 * version's canvas (its developer, testers and reviewers trying one that users do not have yet).
 */
export function useLaunchApp(appId: string, version?: number) {
  return useQuery({
    queryKey: ['app-center', 'launch', appId, version],
    queryFn: () =>
      call(api.POST('/app-center/apps/{appId}/launch', { params: { path: { appId }, query: { version } } })),
    gcTime: 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
}

export function useInviteFriends(appId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) =>
      call(api.POST('/app-center/apps/{appId}/invites', { params: { path: { appId } }, body: { userIds } })),
    // The friends just invited show as invited.
    onSuccess: () => queries.invalidateQueries({ queryKey: friendsToInviteKey(appId) }),
  });
}

const friendsToInviteKey = (appId: string) => ['app-center', appId, 'friends-to-invite'];

/** My friends who do not use the app, each marked once I invited them; a page at a time. */
export function useFriendsToInvite(appId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: friendsToInviteKey(appId),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/app-center/apps/{appId}/invitable-friends', {
          params: { path: { appId }, query: { cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
  });
}
