import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { FriendGroupsRepository } from './friend-groups.repository';
import { FriendGroupsService } from './friend-groups.service';
import { FriendRequestsRepository } from './friend-requests.repository';
import { FriendRequestsService } from './friend-requests.service';
import { FriendsController } from './friends.controller';
import { FriendsRepository } from './friends.repository';
import { FriendsService } from './friends.service';

@Module({
  imports: [AccountsModule, NotificationsModule, ProfilesModule],
  controllers: [FriendsController],
  providers: [
    FriendsService,
    FriendRequestsService,
    FriendGroupsService,
    FriendsRepository,
    FriendRequestsRepository,
    FriendGroupsRepository,
  ],
  exports: [FriendsService, FriendRequestsService, FriendGroupsService],
})
export class FriendsModule {}
