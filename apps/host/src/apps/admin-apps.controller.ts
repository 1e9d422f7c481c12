import { Body, Get, Param, Post, Query } from '@nestjs/common';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser } from '../accounts/auth.decorators';
import { ParseIdPipe } from '../common/id.pipe';
import { decodeCursor, encodeCursor, PageQuery, pageSize } from '../common/pagination';
import { notFound } from '../common/problem';
import { nonBlank } from '../common/text';
import { iso } from '../common/time';
import { OptionalReasonRequest, ReasonRequest } from '../moderation/dto/moderation.dto';
import { UserDirectoryService } from '../profiles/user-directory.service';
import { AppRegistry } from './app-registry.service';
import { AppReviewService } from './app-review.service';
import { AppVersionsService } from './app-versions.service';
import { AdminEndpoint, AppsController } from './apps.decorators';
import { ParseVersionPipe, toAppResponses, toVersionResponse } from './apps.mapper';
import { AppListResponse } from './dto/app.dto';
import { VersionDiffResponse } from './dto/app-version.dto';
import { AdminAppQuery, AdminAppResponse, SubmittedVersionListResponse } from './dto/admin-apps.dto';

/** What admins do with apps: review submitted versions, suspend and reinstate apps. */
@AppsController('admin')
export class AdminAppsController {
  constructor(
    private readonly registry: AppRegistry,
    private readonly versions: AppVersionsService,
    private readonly review: AppReviewService,
    private readonly directory: UserDirectoryService,
  ) {}

  @Get('apps')
  @AdminEndpoint({
    operationId: 'listAppsForReview',
    summary: 'Apps by status, most recently changed first (admins only)',
    response: AppListResponse,
  })
  async listForReview(@Query() query: AdminAppQuery): Promise<AppListResponse> {
    return { items: await toAppResponses(this.directory, await this.review.listForReview(query.status)) };
  }

  @Get('app-versions')
  @AdminEndpoint({
    operationId: 'listSubmittedAppVersions',
    summary: 'Versions waiting for review, oldest submission first, a page at a time (admins only)',
    response: SubmittedVersionListResponse,
  })
  async listSubmitted(@Query() query: PageQuery): Promise<SubmittedVersionListResponse> {
    const limit = pageSize(query);
    const rows = await this.review.listSubmitted(limit, decodeCursor(query.cursor));
    const versions = rows.slice(0, limit);
    const last = versions[versions.length - 1];
    const apps = await this.registry.byIds(versions.map((version) => version.appId));
    const responses = new Map(
      (await toAppResponses(this.directory, [...apps.values()])).map((response) => [response.id, response]),
    );
    return {
      items: versions.map((version) => ({
        app: responses.get(version.appId)!,
        version: toVersionResponse(version),
      })),
      nextCursor:
        rows.length > limit && last ? encodeCursor({ createdAt: last.updatedAt, id: last.appId }) : null,
    };
  }

  @Get('apps/:appId')
  @AdminEndpoint({
    operationId: 'getAppForReview',
    summary: 'An app with its versions and status history (admins only)',
    response: AdminAppResponse,
    problems: [404],
  })
  async getForReview(@Param('appId', ParseIdPipe) appId: string): Promise<AdminAppResponse> {
    return this.adminView(appId);
  }

  private async adminView(appId: string): Promise<AdminAppResponse> {
    const app = await this.registry.findById(appId);
    if (!app) throw notFound('App');
    const history = await this.versions.history(app.id);
    const actors = await this.directory.summaries(
      history.flatMap((change) => (change.actorId ? [change.actorId] : [])),
    );
    return {
      app: (await toAppResponses(this.directory, [app]))[0],
      versions: (await this.versions.versions(app.id)).map(toVersionResponse),
      history: history.map((change) => ({
        versionNumber: change.versionNumber,
        fromStatus: change.fromStatus,
        toStatus: change.toStatus,
        actor: change.actorId ? (actors.get(change.actorId) ?? null) : null,
        reason: change.reason,
        createdAt: iso(change.createdAt),
      })),
    };
  }

  @Post('apps/:appId/versions/:number/approve')
  @AdminEndpoint({
    operationId: 'approveAppVersion',
    summary: 'Approve a submitted version; its developer may then publish it (admins only)',
    response: AdminAppResponse,
    problems: [404, 409],
  })
  async approve(
    @CurrentUser() admin: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Param('number', ParseVersionPipe) number: number,
    @Body() body: OptionalReasonRequest,
  ): Promise<AdminAppResponse> {
    await this.review.review(admin.id, appId, number, 'approve', body.reason?.trim() || null);
    return this.adminView(appId);
  }

  @Post('apps/:appId/versions/:number/reject')
  @AdminEndpoint({
    operationId: 'rejectAppVersion',
    summary: 'Reject a submitted version, with reasons for its developer (admins only)',
    response: AdminAppResponse,
    problems: [404, 409],
  })
  async reject(
    @CurrentUser() admin: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Param('number', ParseVersionPipe) number: number,
    @Body() body: ReasonRequest,
  ): Promise<AdminAppResponse> {
    await this.review.review(admin.id, appId, number, 'reject', nonBlank(body.reason, 'reason'));
    return this.adminView(appId);
  }

  @Get('apps/:appId/versions/:number/diff')
  @AdminEndpoint({
    operationId: 'diffAppVersionForReview',
    summary: 'How a version differs from the published one, for its review (admins only)',
    response: VersionDiffResponse,
    problems: [404],
  })
  async diffForReview(
    @Param('appId', ParseIdPipe) appId: string,
    @Param('number', ParseVersionPipe) number: number,
  ): Promise<VersionDiffResponse> {
    return this.versions.diff(appId, number);
  }

  @Post('apps/:appId/suspend')
  @AdminEndpoint({
    operationId: 'suspendApp',
    summary: 'Suspend an app: its tokens stop working at once (admins only)',
    response: AdminAppResponse,
    problems: [404, 409],
  })
  async suspend(
    @CurrentUser() admin: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Body() body: ReasonRequest,
  ): Promise<AdminAppResponse> {
    await this.review.suspension(admin.id, appId, 'suspend', nonBlank(body.reason, 'reason'));
    return this.adminView(appId);
  }

  @Post('apps/:appId/reinstate')
  @AdminEndpoint({
    operationId: 'reinstateApp',
    summary: 'Lift a suspension: the app is published again, or back in development (admins only)',
    response: AdminAppResponse,
    problems: [404, 409],
  })
  async reinstate(
    @CurrentUser() admin: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Body() body: OptionalReasonRequest,
  ): Promise<AdminAppResponse> {
    await this.review.suspension(admin.id, appId, 'reinstate', body.reason?.trim() || null);
    return this.adminView(appId);
  }
}
