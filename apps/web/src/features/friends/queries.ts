import { api, call, type HostComponents } from '@kongjian/client';
import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { FRIEND_GROUPS_KEY } from '../../components/PrivacyPicker';

export type Friend = HostComponents['schemas']['FriendResponse'];
export type FriendRequest = HostComponents['schemas']['FriendRequestResponse'];
export type Person = HostComponents['schemas']['PersonResponse'];
export type FriendGroup = HostComponents['schemas']['FriendGroupResponse'];
export type Block = HostComponents['schemas']['BlockResponse'];
export type RequestDirection = 'incoming' | 'outgoing';

interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

export const friendKeys = {
  friends: ['friends', 'list'] as const,
  search: (q: string) => ['users', 'search', q] as const,
  searchAll: ['users', 'search'] as const,
  requests: (direction: RequestDirection) => ['friend-requests', direction] as const,
  requestsAll: ['friend-requests'] as const,
  groups: FRIEND_GROUPS_KEY,
  blocks: ['blocks'] as const,
};

/** Drops the items `remove` picks from every cached page of an infinite list (optimistic removal). */
function removeFromPages<Item>(
  queries: QueryClient,
  key: readonly unknown[],
  remove: (item: Item) => boolean,
): InfiniteData<Page<Item>> | undefined {
  const before = queries.getQueryData<InfiniteData<Page<Item>>>(key);
  if (before) {
    queries.setQueryData<InfiniteData<Page<Item>>>(key, {
      ...before,
      pages: before.pages.map((page) => ({ ...page, items: page.items.filter((item) => !remove(item)) })),
    });
  }
  return before;
}

/** Everything that shows who is whose friend changes together after any friendship change. */
function refreshRelationships(queries: QueryClient) {
  return Promise.all([
    queries.invalidateQueries({ queryKey: friendKeys.friends }),
    queries.invalidateQueries({ queryKey: friendKeys.searchAll }),
    queries.invalidateQueries({ queryKey: friendKeys.requestsAll }),
    queries.invalidateQueries({ queryKey: friendKeys.groups }),
    queries.invalidateQueries({ queryKey: friendKeys.blocks }),
  ]);
}

// --- friends -------------------------------------------------------------------------------------------

export function useFriends() {
  return useInfiniteQuery({
    queryKey: friendKeys.friends,
    queryFn: ({ pageParam }) => call(api.GET('/friends', { params: { query: { cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useRemoveFriend() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => call(api.DELETE('/friends/{userId}', { params: { path: { userId } } })),
    onMutate: async (userId) => {
      await queries.cancelQueries({ queryKey: friendKeys.friends });
      return { before: removeFromPages<Friend>(queries, friendKeys.friends, (f) => f.user.id === userId) };
    },
    onError: (_error, _userId, context) => {
      if (context?.before) queries.setQueryData(friendKeys.friends, context.before);
    },
    onSettled: () => refreshRelationships(queries),
  });
}

// --- people search -------------------------------------------------------------------------------------

/** People whose username or nickname contains `q`, each with how I stand to them. */
export function usePeopleSearch(q: string) {
  const text = q.trim();
  return useInfiniteQuery({
    queryKey: friendKeys.search(text),
    queryFn: ({ pageParam }) =>
      call(api.GET('/users', { params: { query: { q: text, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: text.length > 0,
  });
}

// --- friend requests -----------------------------------------------------------------------------------

export function useFriendRequests(direction: RequestDirection) {
  return useInfiniteQuery({
    queryKey: friendKeys.requests(direction),
    queryFn: ({ pageParam }) =>
      call(api.GET('/friend-requests', { params: { query: { direction, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useSendFriendRequest() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: { userId: string; note?: string }) => call(api.POST('/friend-requests', { body })),
    onSuccess: () => refreshRelationships(queries),
  });
}

export type RequestAnswer = 'accept' | 'decline' | 'cancel';

/** Accepts or declines a request to me, or cancels one of mine; the row leaves its list at once. */
export function useAnswerFriendRequest() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, answer }: { requestId: string; answer: RequestAnswer }) => {
      const options = { params: { path: { requestId } } };
      if (answer === 'accept') return call(api.POST('/friend-requests/{requestId}/accept', options));
      if (answer === 'decline') return call(api.POST('/friend-requests/{requestId}/decline', options));
      return call(api.POST('/friend-requests/{requestId}/cancel', options));
    },
    onMutate: async ({ requestId, answer }) => {
      const key = friendKeys.requests(answer === 'cancel' ? 'outgoing' : 'incoming');
      await queries.cancelQueries({ queryKey: key });
      return { key, before: removeFromPages<FriendRequest>(queries, key, (r) => r.id === requestId) };
    },
    onError: (_error, _vars, context) => {
      if (context?.before) queries.setQueryData(context.key, context.before);
    },
    onSettled: () => refreshRelationships(queries),
  });
}

// --- friend groups -------------------------------------------------------------------------------------

export function useFriendGroups() {
  return useQuery({
    queryKey: friendKeys.groups,
    queryFn: () => call(api.GET('/friend-groups')),
  });
}

export function useCreateGroup() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call(api.POST('/friend-groups', { body: { name } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: friendKeys.groups }),
  });
}

type GroupList = HostComponents['schemas']['FriendGroupList'];

/** Applies `change` to one group in the cached list, returning the list before for rollback. */
function changeGroup(
  queries: QueryClient,
  groupId: string,
  change: (group: FriendGroup) => FriendGroup | null,
) {
  const before = queries.getQueryData<GroupList>(friendKeys.groups);
  if (before) {
    queries.setQueryData<GroupList>(friendKeys.groups, {
      items: before.items.flatMap((group) => {
        if (group.id !== groupId) return [group];
        const changed = change(group);
        return changed ? [changed] : [];
      }),
    });
  }
  return before;
}

function useGroupMutation<Vars extends { groupId: string }>(
  request: (vars: Vars) => Promise<unknown>,
  optimistic: (group: FriendGroup, vars: Vars) => FriendGroup | null,
) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: request,
    onMutate: async (vars: Vars) => {
      await queries.cancelQueries({ queryKey: friendKeys.groups });
      return { before: changeGroup(queries, vars.groupId, (group) => optimistic(group, vars)) };
    },
    onError: (_error, _vars, context) => {
      if (context?.before) queries.setQueryData(friendKeys.groups, context.before);
    },
    onSettled: () => queries.invalidateQueries({ queryKey: friendKeys.groups }),
  });
}

export function useRenameGroup() {
  return useGroupMutation(
    ({ groupId, name }: { groupId: string; name: string }) =>
      call(api.PATCH('/friend-groups/{groupId}', { params: { path: { groupId } }, body: { name } })),
    (group, { name }) => ({ ...group, name }),
  );
}

export function useDeleteGroup() {
  return useGroupMutation(
    ({ groupId }: { groupId: string }) =>
      call(api.DELETE('/friend-groups/{groupId}', { params: { path: { groupId } } })),
    () => null,
  );
}

export function useAddGroupMember() {
  return useGroupMutation(
    ({ groupId, user }: { groupId: string; user: Friend['user'] }) =>
      call(
        api.PUT('/friend-groups/{groupId}/members/{userId}', {
          params: { path: { groupId, userId: user.id } },
        }),
      ),
    (group, { user }) => ({ ...group, members: [...group.members, user] }),
  );
}

export function useRemoveGroupMember() {
  return useGroupMutation(
    ({ groupId, userId }: { groupId: string; userId: string }) =>
      call(
        api.DELETE('/friend-groups/{groupId}/members/{userId}', { params: { path: { groupId, userId } } }),
      ),
    (group, { userId }) => ({ ...group, members: group.members.filter((member) => member.id !== userId) }),
  );
}

// --- blocks --------------------------------------------------------------------------------------------

export function useBlocks() {
  return useQuery({ queryKey: friendKeys.blocks, queryFn: () => call(api.GET('/blocks')) });
}

/** Blocking ends a friendship and hides the person from my search, so every relationship list refreshes. */
export function useBlock() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => call(api.PUT('/blocks/{userId}', { params: { path: { userId } } })),
    onSettled: () => refreshRelationships(queries),
  });
}

export function useUnblock() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => call(api.DELETE('/blocks/{userId}', { params: { path: { userId } } })),
    onMutate: async (userId) => {
      await queries.cancelQueries({ queryKey: friendKeys.blocks });
      const before = queries.getQueryData<HostComponents['schemas']['BlockList']>(friendKeys.blocks);
      if (before) {
        queries.setQueryData(friendKeys.blocks, {
          items: before.items.filter((block) => block.user.id !== userId),
        });
      }
      return { before };
    },
    onError: (_error, _userId, context) => {
      if (context?.before) queries.setQueryData(friendKeys.blocks, context.before);
    },
    onSettled: () => refreshRelationships(queries),
  });
}
