import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { NotificationAppLabels } from './notification-app-labels';
import { NotificationStreams } from './notification-streams';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { UnreadPublisher } from './unread-publisher';
import { UnreadSignal } from './unread-signal';
import { Notification } from './notification.entity';

@Module({
  imports: [MikroOrmModule.forFeature([Notification]), AccountsModule, ProfilesModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    NotificationsRepository,
    NotificationAppLabels,
    NotificationStreams,
    UnreadPublisher,
    UnreadSignal,
  ],
  exports: [NotificationsService, NotificationAppLabels],
})
export class NotificationsModule {}
