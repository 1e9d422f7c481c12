import { SchedulingModule } from '../scheduling/scheduling.module';
import { Module } from '@nestjs/common';
import { AppsModule } from '../apps/apps.module';
import { EventsModule } from '../events/events.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { AppCenterController } from './app-center.controller';
import { AppCenterRepository } from './app-center.repository';
import { AppCenterService } from './app-center.service';
import { InvitesRepository } from './invites.repository';
import { InvitesService } from './invites.service';
import { LaunchTokensService } from './launch-tokens.service';
import { StorageSweeper } from './storage-sweeper';

/** The app center: browse, search, install, uninstall, my apps, ratings, canvas launch and invites. */
@Module({
  imports: [AppsModule, EventsModule, NotificationsModule, ProfilesModule, SchedulingModule],
  controllers: [AppCenterController],
  providers: [
    AppCenterService,
    AppCenterRepository,
    InvitesService,
    InvitesRepository,
    LaunchTokensService,
    StorageSweeper,
  ],
  exports: [AppCenterService, InvitesService, LaunchTokensService],
})
export class AppCenterModule {}
