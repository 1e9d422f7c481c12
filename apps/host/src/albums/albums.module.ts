import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { EconomyModule } from '../economy/economy.module';
import { ModerationModule } from '../moderation/moderation.module';
import { PostsModule } from '../posts/posts.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { AlbumViewsService } from './album-views.service';
import { AlbumsModeration } from './albums-moderation';
import { AlbumsController } from './albums.controller';
import { AlbumsRepository } from './albums.repository';
import { AlbumsService } from './albums.service';
import { MoodPhotos } from './mood-photos';
import { PhotoFiles } from './photo-files';
import { PhotoStorageModule } from '../images/photo-storage.module';
import { PhotosController } from './photos.controller';
import { PhotosRepository } from './photos.repository';
import { PhotosService } from './photos.service';
import { ScreenedItems } from './screened-items';
import { ScreenedItemsRepository } from './screened-items.repository';
import { StorageQuotaService } from './storage-quota.service';
import { StorageUsageRepository } from './storage-usage.repository';

@Module({
  imports: [
    AccountsModule,
    PrivacyModule,
    EconomyModule,
    ModerationModule,
    PostsModule,
    ProfilesModule,
    PhotoStorageModule,
  ],
  controllers: [AlbumsController, PhotosController],
  providers: [
    AlbumsRepository,
    PhotosRepository,
    StorageUsageRepository,
    ScreenedItemsRepository,
    ScreenedItems,
    AlbumsService,
    PhotosService,
    StorageQuotaService,
    PhotoFiles,
    MoodPhotos,
    AlbumViewsService,
    AlbumsModeration,
  ],
  exports: [AlbumsService, PhotosService],
})
export class AlbumsModule {}
