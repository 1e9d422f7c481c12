import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { EconomyModule } from '../economy/economy.module';
import { FriendsModule } from '../friends/friends.module';
import { ModerationModule } from '../moderation/moderation.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PostsModule } from '../posts/posts.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { BoardModeration } from './board-moderation';
import { BoardRepository } from './board.repository';
import { PeopleController } from './people.controller';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import { SpaceVisitsRepository } from './space-visits.repository';
import { SpacesController } from './spaces.controller';
import { SpacesService } from './spaces.service';
import { BoardMessage } from './board-message.entity';
import { SpaceVisit } from './space-visit.entity';

/** The space page (profile, decoration, visitor log and message board) and finding people. */
@Module({
  imports: [
    MikroOrmModule.forFeature([BoardMessage, SpaceVisit]),
    AccountsModule,
    FriendsModule,
    PostsModule,
    NotificationsModule,
    ProfilesModule,
    EconomyModule,
    ModerationModule,
  ],
  controllers: [SpacesController, PeopleController],
  providers: [
    SpacesService,
    BoardModeration,
    PeopleService,
    PeopleRepository,
    SpaceVisitsRepository,
    BoardRepository,
  ],
  exports: [SpacesService, PeopleService],
})
export class SpacesModule {}
