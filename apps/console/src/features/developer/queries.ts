import { ACCOUNT_KEY, api, call, type HostComponents } from '@kongjian/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export type App = HostComponents['schemas']['AppResponse'];
export type AppVersion = HostComponents['schemas']['AppVersionResponse'];
export type Manifest = HostComponents['schemas']['AppManifestRequest'];
export type Listing = HostComponents['schemas']['AppListingRequest'];
export type NewApp = HostComponents['schemas']['CreateAppRequest'];
export type Scope = App['scopes'][number];
export type Category = App['category'];

export const CATEGORIES: Category[] = ['games', 'social', 'tools', 'lifestyle', 'entertainment', 'education'];
export const SCOPES: Scope[] = [
  'profile:read',
  'friends:read',
  'feed:write',
  'storage',
  'gifts:send',
  'coins:charge',
  'notifications:send',
];

/** Everything about one app lives under `['developer', 'apps', id]`, so a change refreshes all of it. */
const APPS_KEY = ['developer', 'apps'] as const;
const appKey = (appId: string) => [...APPS_KEY, appId] as const;

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
      mutationFn: (number: number) =>
        call(api.POST('/developer/apps/{appId}/versions/{number}/submit', { params: path(number) })),
      onSuccess: refresh,
    }),
    publish: useMutation({
      mutationFn: (number: number) =>
        call(api.POST('/developer/apps/{appId}/versions/{number}/publish', { params: path(number) })),
      onSuccess: refresh,
    }),
  };
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
    queryKey: [...appKey(appId), 'webhook'],
    queryFn: () => call(api.GET('/developer/apps/{appId}/webhook', { params: { path: { appId } } })),
  });
}

export function useRotateWebhookSecret(appId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () =>
      call(api.POST('/developer/apps/{appId}/webhook/secret', { params: { path: { appId } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: [...appKey(appId), 'webhook'] }),
  });
}
