import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { FriendsModule } from '../friends/friends.module';
import { AccountSettingsController } from './account-settings.controller';
import { PrivacyRepository } from './privacy.repository';
import { PrivacyService } from './privacy.service';

@Module({
  imports: [AccountsModule, FriendsModule],
  controllers: [AccountSettingsController],
  providers: [PrivacyService, PrivacyRepository],
  exports: [PrivacyService],
})
export class PrivacyModule {}
