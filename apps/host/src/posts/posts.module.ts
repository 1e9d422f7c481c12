import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { FeedEntriesModule } from '../feed/feed-entries.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { ProfilesModule } from '../spaces/profiles.module';
import { PostViewsService } from './post-views.service';
import { PostsController } from './posts.controller';
import { PostsService } from './posts.service';

@Module({
  imports: [AccountsModule, PrivacyModule, FeedEntriesModule, NotificationsModule, ProfilesModule],
  controllers: [PostsController],
  providers: [PostsService, PostViewsService],
  exports: [PostsService, PostViewsService],
})
export class PostsModule {}
