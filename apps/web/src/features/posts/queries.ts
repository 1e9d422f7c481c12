import { api, call, type HostComponents } from '@kongjian/client';
import { useInfiniteQuery } from '@tanstack/react-query';

export type Post = HostComponents['schemas']['PostResponse'];
export type PostKind = Post['kind'];

/** A user's posts, newest first, a keyset page at a time (`/users/{id}/posts`). */
export function userPostsKey(userId: string, kind?: PostKind) {
  return ['posts', 'user', userId, kind ?? 'all'] as const;
}

export function useUserPosts(userId: string, kind?: PostKind) {
  return useInfiniteQuery({
    queryKey: userPostsKey(userId, kind),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/users/{userId}/posts', {
          params: { path: { userId }, query: { cursor: pageParam, kind } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
