import { HttpStatus } from '@nestjs/common';
import type sharp from 'sharp';
import { loadSharp } from './sharp';
import { LIMITS } from '../common/limits';
import { ProblemException } from '../common/problem';

export const PHOTO_FORMATS = ['jpeg', 'png', 'webp', 'gif'] as const;
export type PhotoFormat = (typeof PHOTO_FORMATS)[number];
export const PHOTO_SIZES = ['thumb', 'web', 'original'] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];

export const CONTENT_TYPES: Record<PhotoFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};

/** An upload turned into the three files the host keeps, all free of EXIF and other metadata. */
export interface ProcessedImage {
  format: PhotoFormat;
  width: number;
  height: number;
  files: Record<PhotoSize, Buffer>;
  bytes: number;
}

const invalidImage = (detail: string) =>
  new ProblemException(HttpStatus.BAD_REQUEST, 'invalid_image', detail);
const unsupported = () =>
  new ProblemException(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'unsupported_image',
    'The file is not a JPEG, PNG, WebP or GIF image',
  );

/** Whether the file starts with the signature of a JPEG, PNG, GIF or WebP. */
function looksLikeImage(input: Buffer): boolean {
  const starts = (bytes: number[], offset = 0) =>
    bytes.every((byte, index) => input[offset + index] === byte);
  return (
    starts([0xff, 0xd8, 0xff]) ||
    starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) ||
    input.subarray(0, 4).toString('latin1') === 'GIF8' ||
    (input.subarray(0, 4).toString('latin1') === 'RIFF' &&
      input.subarray(8, 12).toString('latin1') === 'WEBP')
  );
}

/** What an upload is, read from its header alone. */
interface Inspected {
  format: PhotoFormat;
  width: number;
  frameHeight: number;
  frames: number;
  orientation: number;
}

/**
 * Recognises the image by its content (never its name or declared type) and refuses decompression
 * bombs from the header, before any pixel is decoded.
 */
async function inspect(input: Buffer): Promise<Inspected> {
  if (input.length === 0) throw invalidImage('The file is empty');
  const sharp = await loadSharp();
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    // A file that starts like one of our formats but cannot be read is damaged, not of another kind.
    throw looksLikeImage(input) ? invalidImage('The image is damaged or incomplete') : unsupported();
  }
  const format = metadata.format as string;
  if (!(PHOTO_FORMATS as readonly string[]).includes(format)) throw unsupported();
  const width = metadata.width ?? 0;
  const frameHeight = metadata.pageHeight ?? metadata.height ?? 0;
  const frames = metadata.pages ?? 1;
  if (width <= 0 || frameHeight <= 0) throw invalidImage('The image has no size');
  if (width * frameHeight * frames > LIMITS.photoPixelsMax) {
    throw new ProblemException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'image_too_large',
      `The image is larger than ${LIMITS.photoPixelsMax.toLocaleString('en')} pixels`,
    );
  }
  return {
    format: format as PhotoFormat,
    width,
    frameHeight,
    frames,
    orientation: metadata.orientation ?? 1,
  };
}

/**
 * Re-encodes an upload (see `inspect` for what is refused): the original (auto-rotated), a web-size copy
 * and a thumbnail. sharp writes no metadata unless asked, so EXIF (GPS) is gone.
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  const { format, width, frameHeight, frames, orientation } = await inspect(input);
  const sharp = await loadSharp();
  const animated = frames > 1;
  const rotated = orientation >= 5 && !animated;
  const open = () => {
    const image = sharp(input, { limitInputPixels: LIMITS.photoPixelsMax, animated, failOn: 'error' });
    return animated ? image : image.rotate();
  };
  const encode = (image: sharp.Sharp) => {
    switch (format) {
      case 'jpeg':
        return image.jpeg({ quality: 88 });
      case 'png':
        return image.png();
      case 'webp':
        return image.webp({ quality: 88 });
      case 'gif':
        return image.gif();
    }
  };
  const fit = (side: number) => ({
    width: side,
    height: side,
    fit: 'inside' as const,
    withoutEnlargement: true,
  });
  try {
    const [original, web, thumb] = await Promise.all([
      encode(open()).toBuffer(),
      encode(open().resize(fit(LIMITS.photoWebSide))).toBuffer(),
      encode(open().resize(fit(LIMITS.photoThumbSide))).toBuffer(),
    ]);
    return {
      format,
      width: rotated ? frameHeight : width,
      height: rotated ? width : frameHeight,
      files: { original, web, thumb },
      bytes: original.length + web.length + thumb.length,
    };
  } catch {
    throw invalidImage('The image is damaged or incomplete');
  }
}

/**
 * An app icon: the upload (refused as `processImage` refuses) turned upright and cut to a centred square
 * WebP of LIMITS.appIconSide, the first frame of an animation, without metadata.
 */
export async function processIcon(input: Buffer): Promise<Buffer> {
  await inspect(input);
  const sharp = await loadSharp();
  try {
    return await sharp(input, { limitInputPixels: LIMITS.photoPixelsMax, failOn: 'error' })
      .rotate()
      .resize({ width: LIMITS.appIconSide, height: LIMITS.appIconSide, fit: 'cover' })
      .webp({ quality: 90 })
      .toBuffer();
  } catch {
    throw invalidImage('The image is damaged or incomplete');
  }
}
