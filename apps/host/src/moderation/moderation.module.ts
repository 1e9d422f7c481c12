import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { KeywordRulesRepository } from './keyword-rules.repository';
import { KeywordRulesService } from './keyword-rules.service';
import { KeywordRulesController } from './keyword-rules.controller';
import { ModerationAdminController } from './moderation.controller';
import { ModerationSubjects } from './moderation-subjects';
import { ModerationRepository } from './moderation.repository';
import { ModerationService } from './moderation.service';
import { ReportsController } from './reports.controller';

/**
 * Keyword screening, the review queue, reports and decisions. Content modules import this module to
 * screen what they save and register their subject types; it imports none of them.
 */
@Module({
  imports: [AuditModule, ProfilesModule],
  controllers: [KeywordRulesController, ModerationAdminController, ReportsController],
  providers: [
    KeywordRulesRepository,
    KeywordRulesService,
    ModerationService,
    ModerationRepository,
    ModerationSubjects,
  ],
  exports: [ModerationService, ModerationSubjects],
})
export class ModerationModule {}
