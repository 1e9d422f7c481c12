import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { ProfilesModule } from '../spaces/profiles.module';
import { SpacesModule } from '../spaces/spaces.module';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';

/**
 * What the admin console needs that no one module owns: user management, which joins accounts (roles,
 * suspension), people search and the audit log. No module depends on it.
 */
@Module({
  imports: [AccountsModule, AuditModule, ProfilesModule, SpacesModule],
  controllers: [AdminUsersController],
  providers: [AdminUsersService],
})
export class AdminModule {}
