import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { SpacesModule } from '../spaces/spaces.module';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';

/**
 * What the admin console needs that no one module owns: user management, which joins accounts (roles,
 * suspension), people search, the audit log and the unread counts a suspension changes. No module
 * depends on it.
 */
@Module({
  imports: [AccountsModule, AuditModule, NotificationsModule, ProfilesModule, SpacesModule],
  controllers: [AdminUsersController],
  providers: [AdminUsersService],
})
export class AdminModule {}
