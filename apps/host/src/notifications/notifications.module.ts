import { Module } from '@nestjs/common';
import { AppsModule } from '../apps/apps.module';
import { ProfilesModule } from '../spaces/profiles.module';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [ProfilesModule, AppsModule],
  controllers: [NotificationsController],
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
