import { Module } from '@nestjs/common';
import { HOST_CONFIG, type HostConfig } from '../config/config';
import { LocalPhotoStorage, PhotoStorage } from './photo-storage';

/** The image store, shared by albums (photos) and apps (icons) so one storage backend serves both. */
@Module({
  providers: [
    // The seam for S3-compatible storage: provide another PhotoStorage here.
    {
      provide: PhotoStorage,
      inject: [HOST_CONFIG],
      useFactory: (config: HostConfig) => new LocalPhotoStorage(config.storageDir),
    },
  ],
  exports: [PhotoStorage],
})
export class PhotoStorageModule {}
