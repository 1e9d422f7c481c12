import { type HostComponents, KongjianApiError, type KongjianProblem } from '@kongjian/client';

export type UploadedPhoto = HostComponents['schemas']['PhotoResponse'];

/**
 * Uploads one photo for a mood (`POST /photos`, multipart field `file`). XMLHttpRequest rather than fetch
 * because only it reports upload progress; the session cookie goes along because it is same-origin.
 */
export function uploadMoodPhoto(
  file: File,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<UploadedPhoto> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/photos');
    request.withCredentials = true;
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        resolve(request.response as UploadedPhoto);
        return;
      }
      const body = request.response as Partial<KongjianProblem> | null;
      reject(
        new KongjianApiError(
          body && typeof body.code === 'string'
            ? (body as KongjianProblem)
            : {
                type: 'urn:kongjian:problem:unexpected_response',
                title: 'Unexpected response',
                status: request.status,
                code: 'unexpected_response',
              },
        ),
      );
    };
    // The same failure fetch reports when the host cannot be reached, so problemMessage says "network".
    request.onerror = () => reject(new TypeError('network error'));
    signal?.addEventListener('abort', () => request.abort());
    const form = new FormData();
    form.append('file', file);
    request.send(form);
  });
}
