import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { FriendsModule } from '../friends/friends.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PostsModule } from '../posts/posts.module';
import { ProfilesModule } from './profiles.module';
import { SpacesController } from './spaces.controller';
import { SpacesService } from './spaces.service';

/** The space page: profile, decoration, visitor log and message board. */
@Module({
  imports: [AccountsModule, FriendsModule, PostsModule, NotificationsModule, ProfilesModule],
  controllers: [SpacesController],
  providers: [SpacesService],
  exports: [SpacesService],
})
export class SpacesModule {}
