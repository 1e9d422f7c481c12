import { api, call, type HostComponents } from '@kongjian/client';
import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryClient,
  type QueryKey,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Audience } from '../../components/PrivacyPicker';

export type Post = HostComponents['schemas']['PostResponse'];
export type PostKind = Post['kind'];
export type PostComment = HostComponents['schemas']['CommentResponse'];
export type FeedItem = HostComponents['schemas']['FeedItemResponse'];
type PostPage = HostComponents['schemas']['PostPage'];
type FeedPage = HostComponents['schemas']['FeedPage'];
type CommentPage = HostComponents['schemas']['CommentPage'];

/** Every cached list or single post lives under `['posts', …]` or `['feed']`, so one change reaches them all. */
export const FEED_KEY = ['feed'] as const;
export const postKey = (postId: string) => ['posts', 'one', postId] as const;
export const commentsKey = (postId: string) => ['posts', 'comments', postId] as const;

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

/** The information center: what my friends and I posted, reposted or commented, newest first. */
export const feedQuery = infiniteQueryOptions({
  queryKey: FEED_KEY,
  queryFn: ({ pageParam }) => call(api.GET('/feed', { params: { query: { cursor: pageParam } } })),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});

export function useFeed() {
  return useInfiniteQuery(feedQuery);
}

export function usePost(postId: string) {
  return useQuery({
    queryKey: postKey(postId),
    queryFn: () => call(api.GET('/posts/{postId}', { params: { path: { postId } } })),
  });
}

type Snapshot = [QueryKey, unknown][];

function isPostPages(data: unknown): data is InfiniteData<PostPage> {
  const pages = (data as InfiniteData<PostPage> | undefined)?.pages;
  return Array.isArray(pages) && pages.every((page) => Array.isArray(page.items));
}

/**
 * Applies `change` to the post wherever it is cached (feed items, people's lists, the post page), and returns
 * what was there so an optimistic change can be rolled back.
 */
function patchPost(queries: QueryClient, postId: string, change: (post: Post) => Post): Snapshot {
  const snapshot: Snapshot = [
    ...queries.getQueriesData({ queryKey: FEED_KEY }),
    ...queries.getQueriesData({ queryKey: ['posts'] }),
  ];
  const patch = (post: Post) => (post.id === postId ? change(post) : post);
  queries.setQueriesData<InfiniteData<FeedPage>>({ queryKey: FEED_KEY }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => ({ ...item, post: patch(item.post) })),
          })),
        }
      : data,
  );
  queries.setQueriesData<unknown>({ queryKey: ['posts', 'user'] }, (data: unknown) =>
    isPostPages(data)
      ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map(patch) })) }
      : data,
  );
  queries.setQueryData<Post>(postKey(postId), (post) => (post ? change(post) : post));
  return snapshot;
}

function restore(queries: QueryClient, snapshot: Snapshot | undefined) {
  for (const [key, data] of snapshot ?? []) queries.setQueryData(key, data);
}

/** Like or unlike: the heart and the count change at once, and go back if the host says no. */
export function useLike(postId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (like: boolean) =>
      call(
        like
          ? api.PUT('/posts/{postId}/like', { params: { path: { postId } } })
          : api.DELETE('/posts/{postId}/like', { params: { path: { postId } } }),
      ),
    onMutate: async (like) => {
      await queries.cancelQueries({ queryKey: FEED_KEY });
      await queries.cancelQueries({ queryKey: ['posts'] });
      return patchPost(queries, postId, (post) =>
        post.likedByMe === like
          ? post
          : { ...post, likedByMe: like, likeCount: Math.max(0, post.likeCount + (like ? 1 : -1)) },
      );
    },
    onError: (_error, _like, snapshot) => restore(queries, snapshot),
    onSuccess: (answer) =>
      patchPost(queries, postId, (post) => ({
        ...post,
        likedByMe: answer.liked,
        likeCount: answer.likeCount,
      })),
  });
}

/** Comments on a post; replies arrive in the same list with `parentId` set. */
export function useComments(postId: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: commentsKey(postId),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/posts/{postId}/comments', {
          params: { path: { postId }, query: { cursor: pageParam, limit: 50 } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
  });
}

export function useAddComment(postId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (comment: { body: string; parentId?: string }) =>
      call(api.POST('/posts/{postId}/comments', { params: { path: { postId } }, body: comment })),
    onSuccess: (comment) => {
      queries.setQueryData<InfiniteData<CommentPage>>(commentsKey(postId), (data) =>
        data && data.pages[0]
          ? {
              ...data,
              pages: [{ ...data.pages[0], items: [comment, ...data.pages[0].items] }, ...data.pages.slice(1)],
            }
          : data,
      );
      patchPost(queries, postId, (post) => ({ ...post, commentCount: post.commentCount + 1 }));
    },
  });
}

export function useDeleteComment(postId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) =>
      call(api.DELETE('/posts/{postId}/comments/{commentId}', { params: { path: { postId, commentId } } })),
    onSuccess: (_answer, commentId) => {
      let removed = 0;
      queries.setQueryData<InfiniteData<CommentPage>>(commentsKey(postId), (data) => {
        if (!data) return data;
        const pages = data.pages.map((page) => {
          // A top-level comment takes its replies with it.
          const items = page.items.filter((item) => item.id !== commentId && item.parentId !== commentId);
          removed += page.items.length - items.length;
          return { ...page, items };
        });
        return { ...data, pages };
      });
      patchPost(queries, postId, (post) => ({
        ...post,
        commentCount: Math.max(0, post.commentCount - removed),
      }));
      void queries.invalidateQueries({ queryKey: commentsKey(postId) });
    },
  });
}

/** A new post of mine goes to the top of the feed and of my own lists. */
function prependMine(queries: QueryClient, post: Post) {
  queries.setQueryData<InfiniteData<FeedPage>>(FEED_KEY, (data) =>
    data && data.pages[0]
      ? {
          ...data,
          pages: [
            {
              ...data.pages[0],
              items: [
                {
                  id: `local-${post.id}`,
                  verb: 'posted',
                  actor: post.author,
                  post,
                  comment: null,
                  createdAt: post.createdAt,
                },
                ...data.pages[0].items,
              ],
            },
            ...data.pages.slice(1),
          ],
        }
      : data,
  );
  void queries.invalidateQueries({ queryKey: ['posts', 'user', post.author.id] });
}

export function useRepost(postId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ text, audience }: { text: string; audience: Audience }) =>
      call(
        api.POST('/posts/{postId}/reposts', {
          params: { path: { postId } },
          body: { text: text || undefined, privacy: audience.privacy, groupIds: groupIdsOf(audience) },
        }),
      ),
    onSuccess: (repost) => {
      patchPost(queries, postId, (post) => ({ ...post, repostCount: post.repostCount + 1 }));
      prependMine(queries, repost);
    },
  });
}

export function useDeletePost(postId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.DELETE('/posts/{postId}', { params: { path: { postId } } })),
    onSuccess: () => {
      queries.setQueryData<InfiniteData<FeedPage>>(FEED_KEY, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.filter((item) => item.post.id !== postId),
              })),
            }
          : data,
      );
      queries.setQueriesData<unknown>({ queryKey: ['posts', 'user'] }, (data: unknown) =>
        isPostPages(data)
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.filter((post) => post.id !== postId),
              })),
            }
          : data,
      );
      queries.removeQueries({ queryKey: postKey(postId) });
    },
  });
}

function groupIdsOf(audience: Audience): string[] | undefined {
  return audience.privacy === 'groups' ? (audience.groupIds ?? []) : undefined;
}

export function useCreateMood() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ text, photoIds, audience }: { text: string; photoIds: string[]; audience: Audience }) =>
      call(
        api.POST('/moods', {
          body: {
            text,
            photoIds: photoIds.length ? photoIds : undefined,
            privacy: audience.privacy,
            groupIds: groupIdsOf(audience),
          },
        }),
      ),
    onSuccess: (post) => prependMine(queries, post),
  });
}

export function useCreateBlog() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ title, body, audience }: { title: string; body: string; audience: Audience }) =>
      call(
        api.POST('/blogs', {
          body: { title, body, privacy: audience.privacy, groupIds: groupIdsOf(audience) },
        }),
      ),
    onSuccess: (post) => prependMine(queries, post),
  });
}
