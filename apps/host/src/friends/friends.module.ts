import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { EventsModule } from '../events/events.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { FriendGroupsRepository } from './friend-groups.repository';
import { FriendGroupsService } from './friend-groups.service';
import { FriendRequestsRepository } from './friend-requests.repository';
import { FriendRequestsService } from './friend-requests.service';
import { FriendsController } from './friends.controller';
import { FriendsRepository } from './friends.repository';
import { FriendsService } from './friends.service';
import { Block } from './block.entity';
import { FriendGroup, FriendGroupMember } from './friend-group.entity';
import { FriendRequest } from './friend-request.entity';
import { Friendship } from './friendship.entity';

@Module({
  imports: [
    MikroOrmModule.forFeature([Block, FriendGroup, FriendGroupMember, FriendRequest, Friendship]),
    AccountsModule,
    EventsModule,
    NotificationsModule,
    ProfilesModule,
  ],
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
