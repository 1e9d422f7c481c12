import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AppsModule } from '../apps/apps.module';
import { EconomyModule } from '../economy/economy.module';
import { FeedEntriesModule } from '../feed/feed-entries.service';
import { ModerationModule } from '../moderation/moderation.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { ProfilesModule } from '../spaces/profiles.module';
import { InteractionsService } from './interactions.service';
import { PostPhotos } from './post-photos';
import { PostViewsService } from './post-views.service';
import { PostsModeration } from './posts-moderation';
import { PostsController } from './posts.controller';
import { PostsService } from './posts.service';

@Module({
  imports: [
    AccountsModule,
    PrivacyModule,
    FeedEntriesModule,
    NotificationsModule,
    ProfilesModule,
    EconomyModule,
    ModerationModule,
    AppsModule,
  ],
  controllers: [PostsController],
  providers: [PostsService, PostViewsService, PostsModeration, InteractionsService, PostPhotos],
  exports: [PostsService, PostViewsService, InteractionsService, PostPhotos],
})
export class PostsModule {}
