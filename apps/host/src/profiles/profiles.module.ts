import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ProfilesRepository } from './profiles.repository';
import { ProfilesService } from './profiles.service';
import { Space } from './space.entity';
import { UserDirectoryService } from './user-directory.service';

/**
 * The `space` table: how a user is shown (the user directory) and the profile row the space page edits,
 * kept apart from the space page (the spaces module, which uses posts, friends and the economy) so every
 * module can depend on it from below.
 */
@Module({
  imports: [MikroOrmModule.forFeature([Space]), AccountsModule],
  providers: [UserDirectoryService, ProfilesService, ProfilesRepository],
  exports: [UserDirectoryService, ProfilesService],
})
export class ProfilesModule {}
