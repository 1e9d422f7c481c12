import { api, call, type HostComponents } from '@kongjian/client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export type Space = HostComponents['schemas']['SpaceResponse'];
export type Person = HostComponents['schemas']['PersonResponse'];
export type SpaceModule = Space['decoration']['modules'][number];
export type BoardMessage = HostComponents['schemas']['BoardMessageResponse'];
export type ShopItem = HostComponents['schemas']['ShopItemResponse'];
export type GiftWallItem = HostComponents['schemas']['GiftWallItem'];
export type ProfileEdit = HostComponents['schemas']['UpdateSpaceProfileRequest'];
export type DecorationEdit = HostComponents['schemas']['UpdateSpaceDecorationRequest'];

/** Every block a space can show, in the host's default order. */
export const ALL_MODULES: readonly SpaceModule[] = [
  'profile',
  'moods',
  'blogs',
  'messageBoard',
  'visitors',
  'friends',
];

export const spaceKeys = {
  person: (username: string) => ['people', 'by-username', username.toLowerCase()] as const,
  space: (userId: string) => ['spaces', userId] as const,
  messages: (userId: string) => ['spaces', userId, 'messages'] as const,
  visitors: (userId: string) => ['spaces', userId, 'visitors'] as const,
  gifts: (userId: string) => ['spaces', userId, 'gifts'] as const,
};

/** A username in the address bar, as the person it names (and how the viewer stands to them). */
export function usePerson(username: string) {
  return useQuery({
    queryKey: spaceKeys.person(username),
    queryFn: () => call(api.GET('/users/by-username/{username}', { params: { path: { username } } })),
  });
}

/** A space: profile, decoration, counts. Fetching it is what logs a signed-in visit. */
export function useSpace(userId: string | undefined) {
  return useQuery({
    queryKey: spaceKeys.space(userId ?? ''),
    queryFn: () => call(api.GET('/spaces/{userId}', { params: { path: { userId: userId! } } })),
    enabled: !!userId,
  });
}

export function useBoardMessages(userId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: spaceKeys.messages(userId),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/spaces/{userId}/messages', {
          params: { path: { userId }, query: { cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
  });
}

export function usePostBoardMessage(userId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      call(api.POST('/spaces/{userId}/messages', { params: { path: { userId } }, body: { body } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: spaceKeys.messages(userId) }),
  });
}

export function useDeleteBoardMessage(userId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) =>
      call(
        api.DELETE('/spaces/{userId}/messages/{messageId}', {
          params: { path: { userId, messageId } },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: spaceKeys.messages(userId) }),
  });
}

/** Who came by: only the owner may read the list (others see the count on the space). */
export function useVisitors(userId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: spaceKeys.visitors(userId),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/spaces/{userId}/visitors', {
          params: { path: { userId }, query: { cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
  });
}

/** The gift wall: the owner and their friends may see it. */
export function useGiftWall(userId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: spaceKeys.gifts(userId),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/spaces/{userId}/gifts', {
          params: { path: { userId }, query: { cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
  });
}

export function useRemoveGift(userId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.DELETE('/me/gifts/{id}', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: spaceKeys.gifts(userId) }),
  });
}

export function useUpdateProfile(userId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (edit: ProfileEdit) => call(api.PATCH('/space/profile', { body: edit })),
    onSuccess: (profile) => {
      queries.setQueryData<Space>(spaceKeys.space(userId), (space) => space && { ...space, profile });
      void queries.invalidateQueries({ queryKey: ['account'] });
    },
  });
}

/** Changes the decoration; the page shows the new look at once and goes back if the host refuses. */
export function useUpdateDecoration(userId: string) {
  const queries = useQueryClient();
  const key = spaceKeys.space(userId);
  return useMutation({
    mutationFn: (edit: DecorationEdit) => call(api.PATCH('/space/decoration', { body: edit })),
    onMutate: async (edit) => {
      await queries.cancelQueries({ queryKey: key });
      const before = queries.getQueryData<Space>(key);
      if (before) {
        const { musicItemId: _item, ...shown } = edit;
        queries.setQueryData<Space>(key, { ...before, decoration: { ...before.decoration, ...shown } });
      }
      return { before };
    },
    onError: (_error, _edit, context) => {
      if (context?.before) queries.setQueryData(key, context.before);
    },
    onSuccess: (decoration) => {
      queries.setQueryData<Space>(key, (space) => space && { ...space, decoration });
    },
  });
}

export function useSendFriendRequest(username: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (request: { userId: string; note?: string }) =>
      call(api.POST('/friend-requests', { body: request })),
    onSuccess: () => queries.invalidateQueries({ queryKey: spaceKeys.person(username) }),
  });
}
