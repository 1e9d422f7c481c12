import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AppsModule } from '../apps/apps.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { AppDecisionNotices } from './app-decision-notices';
import { NotificationStreams } from './notification-streams';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { UnreadPublisher } from './unread-publisher';
import { UnreadSignal } from './unread-signal';
import { Notification } from './notification.entity';

@Module({
  imports: [MikroOrmModule.forFeature([Notification]), AccountsModule, ProfilesModule, AppsModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    NotificationsRepository,
    AppDecisionNotices,
    NotificationStreams,
    UnreadPublisher,
    UnreadSignal,
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
