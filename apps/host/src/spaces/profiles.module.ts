import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ProfilesRepository } from './profiles.repository';
import { UserDirectoryService } from './user-directory.service';

/**
 * The part of spaces every other module needs (how a user is shown), kept apart from the space page
 * features so friends and posts can depend on it without depending on the whole space module.
 */
@Module({
  imports: [AccountsModule],
  providers: [UserDirectoryService, ProfilesRepository],
  exports: [UserDirectoryService],
})
export class ProfilesModule {}
