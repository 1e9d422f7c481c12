import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ProfilesRepository } from './profiles.repository';
import { UserDirectoryService } from './user-directory.service';

/**
 * How a user is shown (the user directory over the `space` table), kept apart from the space page (the
 * spaces module, which uses posts, friends and the economy) so every module can depend on it from below.
 */
@Module({
  imports: [AccountsModule],
  providers: [UserDirectoryService, ProfilesRepository],
  exports: [UserDirectoryService],
})
export class ProfilesModule {}
