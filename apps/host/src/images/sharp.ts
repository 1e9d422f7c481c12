import type sharpModule from 'sharp';

let loading: Promise<typeof sharpModule> | undefined;

/**
 * sharp, loaded on the first image: libvips adds about 15 MiB to a host that may never see an upload
 * (measured idle resident memory), so nothing loads it at start.
 */
export function loadSharp(): Promise<typeof sharpModule> {
  loading ??= import('sharp').then((loaded) => loaded.default);
  return loading;
}
