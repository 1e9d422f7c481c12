import { api, call, type HostComponents, KongjianApiError, type KongjianProblem } from '@kongjian/client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export type Album = HostComponents['schemas']['AlbumResponse'];
export type Photo = HostComponents['schemas']['PhotoResponse'];
export type PhotoComment = HostComponents['schemas']['PhotoCommentResponse'];
export type AlbumEdit = HostComponents['schemas']['CreateAlbumRequest'];

export const albumKeys = {
  ofUser: (userId: string) => ['albums', 'user', userId] as const,
  album: (albumId: string) => ['albums', albumId] as const,
  photos: (albumId: string) => ['albums', albumId, 'photos'] as const,
  comments: (photoId: string) => ['photos', photoId, 'comments'] as const,
  storage: ['me', 'storage'] as const,
};

export function useUserAlbums(userId: string) {
  return useInfiniteQuery({
    queryKey: albumKeys.ofUser(userId),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/users/{userId}/albums', {
          params: { path: { userId }, query: { cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAlbum(albumId: string) {
  return useQuery({
    queryKey: albumKeys.album(albumId),
    queryFn: () => call(api.GET('/albums/{albumId}', { params: { path: { albumId } } })),
  });
}

export function useAlbumPhotos(albumId: string) {
  return useInfiniteQuery({
    queryKey: albumKeys.photos(albumId),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/albums/{albumId}/photos', {
          params: { path: { albumId }, query: { cursor: pageParam, limit: 40 } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** How much of my photo storage I use; only ever asked for by the owner. */
export function useStorage(enabled: boolean) {
  return useQuery({
    queryKey: albumKeys.storage,
    queryFn: () => call(api.GET('/me/storage')),
    enabled,
  });
}

export function useCreateAlbum(userId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (album: AlbumEdit) => call(api.POST('/albums', { body: album })),
    onSuccess: () => queries.invalidateQueries({ queryKey: albumKeys.ofUser(userId) }),
  });
}

export function useUpdateAlbum(userId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ albumId, edit }: { albumId: string; edit: Partial<AlbumEdit> }) =>
      call(api.PATCH('/albums/{albumId}', { params: { path: { albumId } }, body: edit })),
    onSuccess: (album) => {
      queries.setQueryData(albumKeys.album(album.id), album);
      void queries.invalidateQueries({ queryKey: albumKeys.ofUser(userId) });
    },
  });
}

export function useDeleteAlbum(userId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (albumId: string) => call(api.DELETE('/albums/{albumId}', { params: { path: { albumId } } })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: albumKeys.ofUser(userId) });
      void queries.invalidateQueries({ queryKey: albumKeys.storage });
    },
  });
}

/** The answer of a failed upload as the same error the typed client throws, so problemMessage reads it. */
function uploadError(xhr: XMLHttpRequest): KongjianApiError {
  let problem: KongjianProblem | undefined;
  try {
    const body = JSON.parse(xhr.responseText) as Partial<KongjianProblem>;
    if (typeof body.code === 'string') problem = body as KongjianProblem;
  } catch {
    problem = undefined;
  }
  return new KongjianApiError(
    problem ?? {
      type: 'about:blank',
      title: xhr.statusText || `HTTP ${xhr.status}`,
      status: xhr.status,
      code: 'unexpected_response',
    },
  );
}

/**
 * Uploads one photo to an album. XMLHttpRequest rather than fetch because only it reports upload progress,
 * which a person waiting on a large photo over a phone connection wants to see.
 */
export function uploadPhoto(
  albumId: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<Photo> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/albums/${encodeURIComponent(albumId)}/photos`);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as Photo);
      else reject(uploadError(xhr));
    };
    // No answer at all: the same TypeError fetch gives, which problemMessage calls a network failure.
    xhr.onerror = () => reject(new TypeError('upload failed'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** After uploads: the album, its photos, the owner's album list and the storage meter all changed. */
export function useRefreshAfterUpload(albumId: string, userId: string) {
  const queries = useQueryClient();
  return () => {
    void queries.invalidateQueries({ queryKey: albumKeys.photos(albumId) });
    void queries.invalidateQueries({ queryKey: albumKeys.album(albumId), exact: true });
    void queries.invalidateQueries({ queryKey: albumKeys.ofUser(userId) });
    void queries.invalidateQueries({ queryKey: albumKeys.storage });
  };
}

export function useDeletePhoto(albumId: string, userId: string) {
  const refresh = useRefreshAfterUpload(albumId, userId);
  return useMutation({
    mutationFn: (photoId: string) => call(api.DELETE('/photos/{photoId}', { params: { path: { photoId } } })),
    onSuccess: refresh,
  });
}

export function usePhotoComments(photoId: string) {
  return useInfiniteQuery({
    queryKey: albumKeys.comments(photoId),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/photos/{photoId}/comments', {
          params: { path: { photoId }, query: { cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useCommentOnPhoto(photoId: string, albumId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      call(api.POST('/photos/{photoId}/comments', { params: { path: { photoId } }, body: { body } })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: albumKeys.comments(photoId) });
      void queries.invalidateQueries({ queryKey: albumKeys.photos(albumId) });
    },
  });
}

export function useDeletePhotoComment(photoId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) =>
      call(
        api.DELETE('/photos/{photoId}/comments/{commentId}', {
          params: { path: { photoId, commentId } },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: albumKeys.comments(photoId) }),
  });
}

interface PhotoPages {
  pages: { items: Photo[]; nextCursor: string | null }[];
  pageParams: unknown[];
}

/** Like or unlike: the heart and the count change at once, and go back if the host refuses. */
export function useLikePhoto(albumId: string) {
  const queries = useQueryClient();
  const key = albumKeys.photos(albumId);
  const patch = (photoId: string, change: (photo: Photo) => Photo) =>
    queries.setQueryData<PhotoPages>(
      key,
      (data) =>
        data && {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((photo) => (photo.id === photoId ? change(photo) : photo)),
          })),
        },
    );
  return useMutation({
    mutationFn: ({ photoId, like }: { photoId: string; like: boolean }) =>
      call(
        like
          ? api.PUT('/photos/{photoId}/like', { params: { path: { photoId } } })
          : api.DELETE('/photos/{photoId}/like', { params: { path: { photoId } } }),
      ),
    onMutate: async ({ photoId, like }) => {
      await queries.cancelQueries({ queryKey: key });
      const before = queries.getQueryData<PhotoPages>(key);
      patch(photoId, (photo) => ({
        ...photo,
        likedByMe: like,
        likeCount: Math.max(0, photo.likeCount + (like ? 1 : -1)),
      }));
      return { before };
    },
    onError: (_error, _vars, context) => {
      if (context?.before) queries.setQueryData(key, context.before);
    },
    onSuccess: (result, { photoId }) =>
      patch(photoId, (photo) => ({ ...photo, likedByMe: result.liked, likeCount: result.likeCount })),
  });
}
