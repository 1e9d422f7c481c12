import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequireRole, SessionAuth } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { decodeCursor, pageSize, toPage } from '../common/pagination';
import { iso } from '../common/time';
import { UserDirectoryService } from '../profiles/user-directory.service';
import { AuditService } from './audit.service';
import { AuditEntryPage, AuditLogQuery } from './dto/audit.dto';

@ApiTags('admin')
@SessionAuth()
@RequireRole('admin')
@Controller('admin/audit-log')
export class AuditLogController {
  constructor(
    private readonly audit: AuditService,
    private readonly directory: UserDirectoryService,
  ) {}

  @Get()
  @Endpoint({
    operationId: 'listAuditLog',
    summary: 'Every admin action, newest first: who, what, to what, when and why (admins only)',
    response: AuditEntryPage,
    problems: [403],
  })
  async list(@Query() query: AuditLogQuery): Promise<AuditEntryPage> {
    const limit = pageSize(query);
    const rows = await this.audit.list(
      {
        actorId: query.actorId?.toLowerCase(),
        action: query.action,
        subjectType: query.subjectType,
        subjectId: query.subjectId?.toLowerCase(),
        from: query.from === undefined ? undefined : new Date(query.from),
        to: query.to === undefined ? undefined : new Date(query.to),
      },
      limit,
      decodeCursor(query.cursor),
    );
    const page = toPage(rows, limit, (row) => row);
    const people = await this.directory.summaries(
      page.items.flatMap((row) => [row.actor_id, ...(row.subject_type === 'user' ? [row.subject_id] : [])]),
    );
    return {
      items: page.items.map((row) => ({
        id: row.id,
        actorId: row.actor_id,
        actor: people.get(row.actor_id) ?? null,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        subjectUser: (row.subject_type === 'user' && people.get(row.subject_id)) || null,
        reason: row.reason,
        details: row.details,
        createdAt: iso(row.created_at),
      })),
      nextCursor: page.nextCursor,
    };
  }
}
