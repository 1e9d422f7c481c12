import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { AuthGuard } from './auth.guard';

@Module({
  controllers: [AccountsController],
  providers: [AccountsService, AccountsRepository, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AccountsService],
})
export class AccountsModule {}
