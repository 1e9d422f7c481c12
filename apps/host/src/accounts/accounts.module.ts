import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { AuthGuard } from './auth.guard';
import { SessionSweeper } from './session-sweeper';
import { SignInThrottle } from './sign-in-throttle';
import { Session } from './session.entity';
import { User } from './user.entity';

@Module({
  imports: [MikroOrmModule.forFeature([Session, User]), SchedulingModule],
  controllers: [AccountsController],
  providers: [
    AccountsService,
    AccountsRepository,
    SessionSweeper,
    SignInThrottle,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccountsService],
})
export class AccountsModule {}
