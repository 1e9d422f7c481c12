import { Module } from '@nestjs/common';
import { AppsModule } from '../apps/apps.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProfilesModule } from '../spaces/profiles.module';
import { AppCenterController } from './app-center.controller';
import { AppCenterService } from './app-center.service';
import { LaunchTokensService } from './launch-tokens.service';
import { StorageSweeper } from './storage-sweeper';

/** The app center: browse, search, install, uninstall, my apps, ratings, canvas launch and invites. */
@Module({
  imports: [AppsModule, NotificationsModule, ProfilesModule],
  controllers: [AppCenterController],
  providers: [AppCenterService, LaunchTokensService, StorageSweeper],
  exports: [AppCenterService, LaunchTokensService],
})
export class AppCenterModule {}
