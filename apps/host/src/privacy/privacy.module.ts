import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { FriendsModule } from '../friends/friends.module';
import { AccountSettingsController } from './account-settings.controller';
import { PrivacyRepository } from './privacy.repository';
import { PrivacyService } from './privacy.service';
import { AudienceGroup } from './audience-group.entity';

@Module({
  imports: [MikroOrmModule.forFeature([AudienceGroup]), AccountsModule, FriendsModule],
  controllers: [AccountSettingsController],
  providers: [PrivacyService, PrivacyRepository],
  exports: [PrivacyService],
})
export class PrivacyModule {}
