import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { EconomyModule } from '../economy/economy.module';
import { ModerationModule } from '../moderation/moderation.module';
import { PostsModule } from '../posts/posts.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { ProfilesModule } from '../spaces/profiles.module';
import { AlbumViewsService } from './album-views.service';
import { AlbumsModeration } from './albums-moderation';
import { AlbumsController } from './albums.controller';
import { AlbumsService } from './albums.service';
import { PhotoStorageModule } from './photo-storage.module';

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
  controllers: [AlbumsController],
  providers: [AlbumsService, AlbumViewsService, AlbumsModeration],
  exports: [AlbumsService],
})
export class AlbumsModule {}
