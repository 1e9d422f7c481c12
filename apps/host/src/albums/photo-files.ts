import { Injectable, Logger } from '@nestjs/common';
import { PHOTO_SIZES, type PhotoSize } from '../images/image-processing';
import { PhotoStorage } from '../images/photo-storage';

const storageKey = (photoId: string, size: PhotoSize) => `${photoId}/${size}`;

/** Where clients fetch a size of a photo (the route checks the privacy rule). */
export const photoUrl = (photoId: string, size: PhotoSize) => `/photos/${photoId}/file?size=${size}`;

/** The files of photos, one per size, in the photo storage. */
@Injectable()
export class PhotoFiles {
  private readonly logger = new Logger('albums');

  constructor(private readonly storage: PhotoStorage) {}

  async put(photoId: string, files: Record<PhotoSize, Buffer>): Promise<void> {
    await Promise.all(PHOTO_SIZES.map((size) => this.storage.put(storageKey(photoId, size), files[size])));
  }

  get(photoId: string, size: PhotoSize): Promise<Buffer | null> {
    return this.storage.get(storageKey(photoId, size));
  }

  /** Deletes files after their rows are gone; a failure leaves an orphan file, which harms nobody. */
  async delete(photoIds: string[]): Promise<void> {
    for (const photoId of photoIds) {
      for (const size of PHOTO_SIZES) {
        await this.storage.delete(storageKey(photoId, size)).catch((error: unknown) => {
          this.logger.warn({ message: 'photo file not deleted', photoId, size, error: String(error) });
        });
      }
    }
  }
}
