import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { PhotoStorageModule } from '../albums/photo-storage.module';
import { AuditModule } from '../audit/audit.module';
import { ProfilesModule } from '../spaces/profiles.module';
import { AppsController } from './apps.controller';
import { AppsRepository } from './apps.repository';
import { AppsService } from './apps.service';
import { AuthorizationsService } from './authorizations.service';
import { EventTargetsRepository } from './event-targets.repository';
import { EventTargetsService } from './event-targets.service';

/** The app registry, development mode and review, and users' authorizations of apps. */
@Module({
  imports: [AccountsModule, AuditModule, ProfilesModule, PhotoStorageModule],
  controllers: [AppsController],
  providers: [
    AppsService,
    AppsRepository,
    AuthorizationsService,
    EventTargetsService,
    EventTargetsRepository,
  ],
  exports: [AppsService, AuthorizationsService, EventTargetsService],
})
export class AppsModule {}
