import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AppsModule } from '../apps/apps.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { GiftsController } from './gifts.controller';
import { GiftsRepository } from './gifts.repository';
import { GiftsService } from './gifts.service';

/** Gifts between users (sent by apps through the Open API) and the gift wall in each space. */
@Module({
  imports: [AccountsModule, AppsModule, PrivacyModule, ProfilesModule],
  controllers: [GiftsController],
  providers: [GiftsService, GiftsRepository],
  exports: [GiftsService],
})
export class GiftsModule {}
