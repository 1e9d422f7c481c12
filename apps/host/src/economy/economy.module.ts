import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { ActivityRepository } from './activity.repository';
import { ActivityService } from './activity.service';
import { CoinsService } from './coins.service';
import { EconomyController } from './economy.controller';
import { EconomyService } from './economy.service';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';
import { ShopRepository } from './shop.repository';
import { ShopService } from './shop.service';
import { VipRepository } from './vip.repository';
import { VipService } from './vip.service';

/**
 * Coins, the yellow diamond, decoration items and levels. It depends only on accounts, profiles and
 * the audit log, so spaces and posts can depend on it (EconomyService, ActivityService) without a cycle.
 */
@Module({
  imports: [AccountsModule, AuditModule, ProfilesModule],
  controllers: [EconomyController],
  providers: [
    LedgerRepository,
    LedgerService,
    CoinsService,
    VipRepository,
    VipService,
    ShopRepository,
    ShopService,
    ActivityRepository,
    ActivityService,
    EconomyService,
  ],
  // Coins, VIP and shop services are exported for demo data; features use EconomyService and ActivityService.
  exports: [EconomyService, ActivityService, CoinsService, VipService, ShopService, LedgerService],
})
export class EconomyModule {}
