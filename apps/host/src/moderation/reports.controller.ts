import { Body, Controller, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, SessionAuth } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { iso } from '../common/time';
import { CreateReportRequest, ReportResponse } from './dto/moderation.dto';
import { ModerationService } from './moderation.service';

/** Users report content they can see to the reviewers. */
@ApiTags('moderation')
@SessionAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly moderation: ModerationService) {}

  @Post()
  @Endpoint({
    operationId: 'reportContent',
    summary: 'Report a post or comment I can see to the reviewers (once per item)',
    response: ReportResponse,
    status: HttpStatus.CREATED,
    problems: [404, 409],
  })
  async report(@CurrentUser() viewer: AuthUser, @Body() body: CreateReportRequest): Promise<ReportResponse> {
    const row = await this.moderation.report(
      viewer.id,
      body.subjectType,
      body.subjectId.toLowerCase(),
      body.reason,
    );
    return {
      id: row.id,
      subjectType: body.subjectType,
      subjectId: row.subject_id,
      reason: row.reason,
      createdAt: iso(row.created_at),
    };
  }
}
