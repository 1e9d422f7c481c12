import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { PhotoStorageModule } from '../images/photo-storage.module';
import { AuditModule } from '../audit/audit.module';
import { EventsModule } from '../events/events.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { AdminAppsController } from './admin-apps.controller';
import { AppCredentialsService } from './app-credentials.service';
import { AppDevelopersService } from './app-developers.service';
import { AppNotices } from './app-notices';
import { AppRegistry } from './app-registry.service';
import { AppReviewService } from './app-review.service';
import { AppTestersRepository } from './app-testers.repository';
import { AppTestersService } from './app-testers.service';
import { AppVersionsRepository } from './app-versions.repository';
import { AppVersionsService } from './app-versions.service';
import { AppsRepository } from './apps.repository';
import { AppsService } from './apps.service';
import { AuthorizationsRepository } from './authorizations.repository';
import { AuthorizationsService } from './authorizations.service';
import { AuthorizedAppsController } from './authorized-apps.controller';
import { BuiltInAppsService } from './built-in-apps.service';
import { DeveloperAppsController } from './developer-apps.controller';
import { EventTargetsRepository } from './event-targets.repository';
import { EventTargetsService } from './event-targets.service';

/** The app registry, development mode and review, and users' authorizations of apps. */
@Module({
  imports: [
    AccountsModule,
    AuditModule,
    EventsModule,
    NotificationsModule,
    ProfilesModule,
    PhotoStorageModule,
  ],
  // Developers', admins' and users' routes, registered in that order as when they were one controller.
  controllers: [DeveloperAppsController, AdminAppsController, AuthorizedAppsController],
  providers: [
    AppsRepository,
    AppVersionsRepository,
    AppTestersRepository,
    AuthorizationsRepository,
    AppRegistry,
    AppCredentialsService,
    AppTestersService,
    AppVersionsService,
    AppReviewService,
    AppDevelopersService,
    BuiltInAppsService,
    AppNotices,
    AppsService,
    AuthorizationsService,
    EventTargetsRepository,
    // Plugs itself into the events module's EventTargetsPort.
    EventTargetsService,
  ],
  // Other modules call AppsService and AuthorizationsService; the demo seed acts as a developer and an admin.
  exports: [AppsService, AuthorizationsService, AppDevelopersService, AppVersionsService, AppReviewService],
})
export class AppsModule {}
