import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { EconomyModule } from '../economy/economy.module';
import { FriendsModule } from '../friends/friends.module';
import { ModerationModule } from '../moderation/moderation.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PostsModule } from '../posts/posts.module';
import { BoardModeration } from './board-moderation';
import { ProfilesModule } from './profiles.module';
import { SpacesController } from './spaces.controller';
import { SpacesService } from './spaces.service';

/** The space page: profile, decoration, visitor log and message board. */
@Module({
  imports: [
    AccountsModule,
    FriendsModule,
    PostsModule,
    NotificationsModule,
    ProfilesModule,
    EconomyModule,
    ModerationModule,
  ],
  controllers: [SpacesController],
  providers: [SpacesService, BoardModeration],
  exports: [SpacesService],
})
export class SpacesModule {}
