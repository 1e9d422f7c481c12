import {
  Body,
  Controller,
  Get,
  HttpStatus,
  Injectable,
  Param,
  PipeTransform,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import type { Response } from 'express';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { iso } from '../common/time';
import { CurrentUser, RequireRole, SessionAuth } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { decodeCursor, pageSize, toPage } from '../common/pagination';
import { malformedInPath, ProblemException } from '../common/problem';
import { CONTENT_TYPES } from '../images/image-processing';
import { ApiImageResponse, imageFile } from '../images/image-http';
import { UserDirectoryService } from '../profiles/user-directory.service';
import {
  ModeratedPostContext,
  ModerationCasePage,
  ModerationCaseQuery,
  ModerationDecisionPage,
  ModerationDecisionQuery,
  ModerationDecisionResponse,
  OptionalReasonRequest,
  ReasonRequest,
  ReviewImageQuery,
} from './dto/moderation.dto';
import { SUBJECT_TYPES, type SubjectType } from './moderation-subjects';
import type { DecisionRow } from './moderation.repository';
import { ModerationService, type DecisionAction } from './moderation.service';

/** A subject type in a path; an unknown one names nothing, so it is a 404 like an unknown id. */
@Injectable()
class ParseSubjectTypePipe implements PipeTransform<string, SubjectType> {
  transform(value: string): SubjectType {
    if (!(SUBJECT_TYPES as readonly string[]).includes(value)) {
      throw malformedInPath(`subjectType must be one of ${SUBJECT_TYPES.join(', ')}`);
    }
    return value as SubjectType;
  }
}

const SubjectTypeParam = () =>
  ApiParam({ name: 'subjectType', enum: SUBJECT_TYPES, description: 'The kind of content' });

/**
 * What admins need to judge content: the review queue, the images under review, decisions and their
 * record (keyword rules: KeywordRulesController; users' reports: ReportsController).
 */
@ApiTags('moderation')
@SessionAuth()
@RequireRole('admin')
@Controller('admin/moderation')
export class ModerationAdminController {
  constructor(
    private readonly moderation: ModerationService,
    private readonly directory: UserDirectoryService,
  ) {}

  // ── the review queue ─────────────────────────────────────────────────────

  @Get('cases')
  @Endpoint({
    operationId: 'listModerationCases',
    summary: 'The review queue: open cases (or closed ones), newest first (admins only)',
    response: ModerationCasePage,
    problems: [403],
  })
  async listCases(@Query() query: ModerationCaseQuery): Promise<ModerationCasePage> {
    const limit = pageSize(query);
    const rows = await this.moderation.listCases(query.status ?? 'open', limit, decodeCursor(query.cursor));
    const page = toPage(rows, limit, (row) => row);
    const content = await this.moderation.contentOf(page.items);
    // A comment is judged with its post beside it, whatever that post's state or privacy.
    const posts = await this.moderation.contentOf(
      [...content.values()].flatMap((info) =>
        info.postId ? [{ subject_type: 'post' as const, subject_id: info.postId }] : [],
      ),
    );
    const people = await this.directory.summaries(
      [...content.values(), ...posts.values()].flatMap((info) => [
        info.authorId,
        ...(info.spaceOwnerId ? [info.spaceOwnerId] : []),
      ]),
    );
    const postContext = (postId: string | undefined): ModeratedPostContext | null => {
      const post = postId ? posts.get(`post:${postId}`) : undefined;
      if (!post) return null;
      return {
        id: post.id,
        author: people.get(post.authorId)!,
        state: post.state,
        privacy: post.privacy ?? 'public',
        text: post.text,
      };
    };
    return {
      items: page.items.map((row) => {
        const info = content.get(`${row.subject_type}:${row.subject_id}`);
        return {
          id: row.id,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          status: row.status,
          keywordAction: row.keyword_action,
          keywords: typeof row.keywords === 'string' ? (JSON.parse(row.keywords) as string[]) : row.keywords,
          reportCount: row.report_count,
          reportReasons: row.report_reasons,
          content: info
            ? {
                author: people.get(info.authorId)!,
                state: info.state,
                reason: info.reason,
                text: info.text,
                postId: info.postId ?? null,
                spaceOwnerId: info.spaceOwnerId ?? null,
                spaceOwner: info.spaceOwnerId ? (people.get(info.spaceOwnerId) ?? null) : null,
                privacy: info.privacy ?? null,
                post: postContext(info.postId),
              }
            : null,
          createdAt: iso(row.created_at),
          updatedAt: iso(row.updated_at),
          closedAt: row.closed_at ? iso(row.closed_at) : null,
        };
      }),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * The photo of a case as it is, held, refused or private: the public route answers 404 to anyone but
   * its author and those it is shared with, and a reviewer must see what they decide on.
   */
  @Get('photos/:photoId/file')
  @ApiImageResponse('The image; Content-Type from its recognised format', Object.values(CONTENT_TYPES))
  @Endpoint({
    operationId: 'getPhotoFileForReview',
    summary: 'The image of any photo, whatever its state or privacy, to moderate it (admins only)',
    status: HttpStatus.OK,
    problems: [403, 404],
  })
  async photoFile(
    @Param('photoId', ParseIdPipe) photoId: string,
    @Query() query: ReviewImageQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const image = await this.moderation.reviewImage(photoId, query.size ?? 'thumb');
    // A decision can hide the photo at any moment: no cache keeps it.
    return imageFile(response, image.data, image.contentType, 'private, no-store');
  }

  // ── decisions ────────────────────────────────────────────────────────────

  private async decide(
    admin: AuthUser,
    type: SubjectType,
    subjectId: string,
    action: DecisionAction,
    reason: string | undefined,
  ): Promise<ModerationDecisionResponse> {
    const row = await this.moderation.decide(admin.id, type, subjectId, action, reason ?? null);
    const [response] = await this.decisionResponses([row]);
    return response;
  }

  private async decisionResponses(rows: DecisionRow[]): Promise<ModerationDecisionResponse[]> {
    const people = await this.directory.summaries(
      rows.flatMap((row) => (row.admin_id ? [row.admin_id] : [])),
    );
    return rows.map((row) => ({
      id: row.id,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      caseId: row.case_id,
      action: row.action,
      reason: row.reason,
      admin: row.admin_id ? (people.get(row.admin_id) ?? null) : null,
      previousState: row.previous_state,
      newState: row.new_state,
      createdAt: iso(row.created_at),
    }));
  }

  @Post('subjects/:subjectType/:subjectId/approve')
  @SubjectTypeParam()
  @Endpoint({
    operationId: 'approveContent',
    summary: 'Publish held (or rejected, or unpublished) content, or keep flagged content up (admins only)',
    response: ModerationDecisionResponse,
    problems: [403, 404, 409],
  })
  approve(
    @CurrentUser() admin: AuthUser,
    @Param('subjectType', ParseSubjectTypePipe) type: SubjectType,
    @Param('subjectId', ParseIdPipe) subjectId: string,
    @Body() body: OptionalReasonRequest,
  ): Promise<ModerationDecisionResponse> {
    return this.decide(admin, type, subjectId, 'approve', body.reason);
  }

  @Post('subjects/:subjectType/:subjectId/reject')
  @SubjectTypeParam()
  @Endpoint({
    operationId: 'rejectContent',
    summary: 'Refuse held content: it stays visible to its author only, with the reason (admins only)',
    response: ModerationDecisionResponse,
    problems: [403, 404, 409],
  })
  reject(
    @CurrentUser() admin: AuthUser,
    @Param('subjectType', ParseSubjectTypePipe) type: SubjectType,
    @Param('subjectId', ParseIdPipe) subjectId: string,
    @Body() body: ReasonRequest,
  ): Promise<ModerationDecisionResponse> {
    return this.decide(admin, type, subjectId, 'reject', body.reason);
  }

  @Post('subjects/:subjectType/:subjectId/unpublish')
  @SubjectTypeParam()
  @Endpoint({
    operationId: 'unpublishContent',
    summary: 'Take published content down; its author sees the reason (admins only)',
    response: ModerationDecisionResponse,
    problems: [403, 404, 409],
  })
  unpublish(
    @CurrentUser() admin: AuthUser,
    @Param('subjectType', ParseSubjectTypePipe) type: SubjectType,
    @Param('subjectId', ParseIdPipe) subjectId: string,
    @Body() body: ReasonRequest,
  ): Promise<ModerationDecisionResponse> {
    return this.decide(admin, type, subjectId, 'unpublish', body.reason);
  }

  @Post('subjects/:subjectType/:subjectId/dismiss')
  @SubjectTypeParam()
  @Endpoint({
    operationId: 'dismissModerationCase',
    summary: 'Close the open case of published content (a flag or reports) and change nothing (admins only)',
    response: ModerationDecisionResponse,
    problems: [403, 404, 409],
  })
  dismiss(
    @CurrentUser() admin: AuthUser,
    @Param('subjectType', ParseSubjectTypePipe) type: SubjectType,
    @Param('subjectId', ParseIdPipe) subjectId: string,
    @Body() body: OptionalReasonRequest,
  ): Promise<ModerationDecisionResponse> {
    return this.decide(admin, type, subjectId, 'dismiss', body.reason);
  }

  @Get('decisions')
  @Endpoint({
    operationId: 'listModerationDecisions',
    summary: 'Every moderation decision, newest first: who, when, what and why (admins only)',
    response: ModerationDecisionPage,
    problems: [403],
  })
  async listDecisions(@Query() query: ModerationDecisionQuery): Promise<ModerationDecisionPage> {
    const limit = pageSize(query);
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from && to && from >= to) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', 'from must be before to', [
        { field: 'to', message: 'to must be after from' },
      ]);
    }
    const rows = await this.moderation.listDecisions(
      {
        subjectType: query.subjectType,
        subjectId: query.subjectId?.toLowerCase(),
        action: query.action,
        adminId: query.adminId?.toLowerCase(),
        from,
        to,
      },
      limit,
      decodeCursor(query.cursor),
    );
    const page = toPage(rows, limit, (row) => row);
    return { items: await this.decisionResponses(page.items), nextCursor: page.nextCursor };
  }
}
