import { Module } from '@nestjs/common';
import { ProfilesModule } from '../profiles/profiles.module';
import { AuditLogController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/**
 * The audit log of admin actions. It depends on nothing but the user directory (to name the admins),
 * so every module with admin actions can import it and record them in its own transactions.
 */
@Module({
  imports: [ProfilesModule],
  controllers: [AuditLogController],
  providers: [AuditService, AuditRepository],
  exports: [AuditService],
})
export class AuditModule {}
