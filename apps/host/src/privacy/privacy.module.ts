import { Module } from '@nestjs/common';
import { FriendsModule } from '../friends/friends.module';
import { PrivacyService } from './privacy.service';

@Module({
  imports: [FriendsModule],
  providers: [PrivacyService],
  exports: [PrivacyService],
})
export class PrivacyModule {}
