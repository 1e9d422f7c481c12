import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { EconomyModule } from '../economy/economy.module';
import { ModerationModule } from '../moderation/moderation.module';
import { PostsModule } from '../posts/posts.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { ProfilesModule } from '../spaces/profiles.module';
import { AlbumViewsService } from './album-views.service';
import { AlbumsModeration } from './albums-moderation';
import { AlbumsController } from './albums.controller';
import { AlbumsService } from './albums.service';
import { LocalPhotoStorage, PhotoStorage } from './photo-storage';

@Module({
  imports: [AccountsModule, PrivacyModule, EconomyModule, ModerationModule, PostsModule, ProfilesModule],
  controllers: [AlbumsController],
  providers: [
    AlbumsService,
    AlbumViewsService,
    AlbumsModeration,
    // The seam for S3-compatible storage: provide another PhotoStorage here.
    {
      provide: PhotoStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalPhotoStorage(config.storageDir),
    },
  ],
  exports: [AlbumsService],
})
export class AlbumsModule {}
