import { decodeCursor, encodeCursor, PageQuery, pageSize } from '../common/pagination';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpStatus,
  Injectable,
  Param,
  Patch,
  PipeTransform,
  Post,
  Put,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, RequireRole, SessionAuth } from '../accounts/auth.decorators';
import { AccountResponse } from '../accounts/dto/accounts.dto';
import { toAccountResponse } from '../accounts/accounts.mapper';
import { AccountsService } from '../accounts/accounts.service';
import { imageUploadInterceptor, requireFile } from '../albums/image-http';
import { LIMITS } from '../common/limits';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { malformedInPath, notFound } from '../common/problem';
import { nonBlank } from '../common/text';
import { iso } from '../common/time';
import { OptionalReasonRequest, ReasonRequest } from '../moderation/dto/moderation.dto';
import { UserDirectoryService } from '../spaces/user-directory.service';
import { AppListing, AppManifest, AppsService, AppVersion, RegisteredApp } from './apps.service';
import { AuthorizationsService } from './authorizations.service';
import {
  AddTesterRequest,
  AdminAppQuery,
  AdminAppResponse,
  AppListingRequest,
  AppListResponse,
  AppManifestRequest,
  AppResponse,
  AppVersionListResponse,
  AppVersionResponse,
  AuthorizedAppListResponse,
  ClientSecretResponse,
  CreateAppRequest,
  CreatedAppResponse,
  EditAppVersionRequest,
  ICON_UPLOAD_SCHEMA,
  SubmitVersionRequest,
  SubmittedVersionListResponse,
  TesterListResponse,
  TesterResponse,
  VersionDiffResponse,
} from './dto/apps.dto';
import { SCOPE_DESCRIPTIONS } from './scopes';

function toListing(body: AppListingRequest): AppListing {
  return {
    name: nonBlank(body.name, 'name'),
    description: body.description ?? '',
    iconUrl: body.iconUrl ?? null,
    category: body.category,
  };
}

function toManifest(body: AppManifestRequest): Omit<AppManifest, 'pluginId'> {
  return {
    versionName: body.versionName?.trim() || null,
    redirectUris: body.redirectUris,
    scopes: body.scopes,
    optionalScopes: body.optionalScopes ?? [],
    events: body.events ?? [],
    canvasUrl: body.canvasUrl ?? null,
    webhookUrl: body.webhookUrl ?? null,
  };
}

/** The fields a draft edit names, read as `toManifest` reads them; absent fields stay absent. */
function toManifestPatch(body: EditAppVersionRequest): Partial<Omit<AppManifest, 'pluginId'>> {
  const full = toManifest(body as AppManifestRequest);
  return Object.fromEntries(
    Object.entries(full).filter(([field]) => body[field as keyof EditAppVersionRequest] !== undefined),
  );
}

function toVersionResponse(version: AppVersion): AppVersionResponse {
  return {
    appId: version.appId,
    number: version.number,
    manifest: version.manifest,
    status: version.status,
    statusReason: version.statusReason,
    submitNote: version.submitNote,
    createdAt: iso(version.createdAt),
    updatedAt: iso(version.updatedAt),
  };
}

/** A version number in a path; anything else names no version, so it is a 404 like a missing one. */
@Injectable()
class ParseVersionPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9][0-9]{0,8}$/.test(value)) throw malformedInPath('a version number is a whole number from 1');
    return Number(value);
  }
}

@ApiTags('apps')
@SessionAuth()
@Controller()
export class AppsController {
  constructor(
    private readonly apps: AppsService,
    private readonly authorizations: AuthorizationsService,
    private readonly accounts: AccountsService,
    private readonly directory: UserDirectoryService,
  ) {}

  private async responses(apps: RegisteredApp[]): Promise<AppResponse[]> {
    const developers = await this.directory.summaries(apps.map((app) => app.ownerId));
    return apps.map((app) => ({
      id: app.id,
      clientId: app.clientId,
      name: app.name,
      description: app.description,
      iconUrl: app.iconUrl,
      category: app.category,
      redirectUris: app.redirectUris,
      scopes: app.scopes,
      optionalScopes: app.optionalScopes,
      webhookUrl: app.webhookUrl,
      canvasUrl: app.canvasUrl,
      events: app.events,
      pluginId: app.pluginId,
      clientType: app.clientType,
      status: app.status,
      statusReason: app.statusReason,
      publishedVersion: app.publishedVersion,
      developer: developers.get(app.ownerId)!,
      createdAt: iso(app.createdAt),
      updatedAt: iso(app.updatedAt),
    }));
  }

  private async response(app: RegisteredApp): Promise<AppResponse> {
    return (await this.responses([app]))[0];
  }

  // ── developers ───────────────────────────────────────────────────────────

  @Post('developer/registration')
  @Endpoint({
    operationId: 'registerAsDeveloper',
    summary: 'Become a developer, who can register apps (idempotent)',
    response: AccountResponse,
  })
  async registerDeveloper(@CurrentUser() user: AuthUser): Promise<AccountResponse> {
    await this.apps.registerDeveloper(user.id);
    return toAccountResponse(await this.accounts.getUser(user.id));
  }

  @Get('developer/apps')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'listMyApps',
    summary: 'The apps I registered',
    response: AppListResponse,
    problems: [403],
  })
  async listMine(@CurrentUser() user: AuthUser): Promise<AppListResponse> {
    return { items: await this.responses(await this.apps.listOwned(user.id)) };
  }

  @Post('developer/apps')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'createApp',
    summary:
      'Register an app with version 1 as a draft; it is in development mode until a version is ' +
      'published, and its secret is shown only now',
    response: CreatedAppResponse,
    status: HttpStatus.CREATED,
    problems: [403, 409],
  })
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateAppRequest): Promise<CreatedAppResponse> {
    const created = await this.apps.create(
      user.id,
      { ...toListing(body), ...toManifest(body) },
      body.clientType ?? 'confidential',
    );
    return { app: await this.response(created.app), clientSecret: created.clientSecret };
  }

  @Get('developer/apps/:appId')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'getMyApp',
    summary: 'One of my apps',
    response: AppResponse,
    problems: [403, 404],
  })
  async getMine(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
  ): Promise<AppResponse> {
    return this.response(await this.apps.owned(user.id, appId));
  }

  @Put('developer/apps/:appId')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'updateMyApp',
    summary: 'Replace how the app center lists one of my apps (takes effect at once, without review)',
    response: AppResponse,
    problems: [403, 404],
  })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Body() body: AppListingRequest,
  ): Promise<AppResponse> {
    return this.response(await this.apps.update(user.id, appId, toListing(body)));
  }

  @Put('developer/apps/:appId/icon')
  @RequireRole('developer')
  @UseInterceptors(imageUploadInterceptor(LIMITS.appIconFileBytes, 0))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: ICON_UPLOAD_SCHEMA })
  @Endpoint({
    operationId: 'uploadMyAppIcon',
    summary:
      `Upload the app's icon (JPEG, PNG, WebP or GIF): re-encoded to a ${LIMITS.appIconSide}×` +
      `${LIMITS.appIconSide} WebP without metadata and listed at once, without review`,
    response: AppResponse,
    problems: [403, 404, 413, 415, 422],
  })
  async uploadIcon(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<AppResponse> {
    return this.response(await this.apps.setIcon(user.id, appId, requireFile(file)));
  }

  @Get('developer/apps/:appId/versions')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'listMyAppVersions',
    summary: 'The versions of one of my apps, newest first, and the decisions about them',
    response: AppVersionListResponse,
    problems: [403, 404],
  })
  async listVersions(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
  ): Promise<AppVersionListResponse> {
    await this.apps.owned(user.id, appId);
    const versions = await this.apps.versions(appId);
    const history = await this.apps.history(appId);
    return {
      items: versions.map(toVersionResponse),
      history: history.map((change) => ({
        versionNumber: change.versionNumber,
        fromStatus: change.fromStatus,
        toStatus: change.toStatus,
        reason: change.reason,
        createdAt: iso(change.createdAt),
      })),
    };
  }

  @Post('developer/apps/:appId/versions')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'createAppVersion',
    summary: 'Start the next version as a draft (when no other version is draft, submitted or approved)',
    response: AppVersionResponse,
    status: HttpStatus.CREATED,
    problems: [403, 404, 409],
  })
  async createVersion(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Body() body: AppManifestRequest,
  ): Promise<AppVersionResponse> {
    return toVersionResponse(await this.apps.createVersion(user.id, appId, toManifest(body)));
  }

  @Patch('developer/apps/:appId/versions/:number')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'editAppVersion',
    summary: "Change a draft version's manifest: fields left out stay as they were, null clears a URL",
    response: AppVersionResponse,
    problems: [403, 404, 409],
  })
  async editVersion(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Param('number', ParseVersionPipe) number: number,
    @Body() body: EditAppVersionRequest,
  ): Promise<AppVersionResponse> {
    return toVersionResponse(await this.apps.editDraft(user.id, appId, number, toManifestPatch(body)));
  }

  @Get('developer/apps/:appId/versions/:number/diff')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'diffMyAppVersion',
    summary: 'How a version of my app differs from the published one (scopes, events, URLs, listing)',
    response: VersionDiffResponse,
    problems: [403, 404],
  })
  async diffVersion(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Param('number', ParseVersionPipe) number: number,
  ): Promise<VersionDiffResponse> {
    await this.apps.owned(user.id, appId);
    return this.apps.diff(appId, number);
  }

  @Post('developer/apps/:appId/versions/:number/submit')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'submitAppVersion',
    summary: 'Submit a draft version for review, with an optional note for the reviewer',
    response: AppVersionResponse,
    problems: [403, 404, 409],
  })
  async submitVersion(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Param('number', ParseVersionPipe) number: number,
    @Body() body: SubmitVersionRequest,
  ): Promise<AppVersionResponse> {
    const note = body?.note?.trim() || null;
    return toVersionResponse(await this.apps.developerMove(user.id, appId, number, 'submit', note));
  }

  @Post('developer/apps/:appId/versions/:number/publish')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'publishAppVersion',
    summary: 'Publish an approved version: users get it; scopes it adds wait for each user’s consent',
    response: AppVersionResponse,
    problems: [403, 404, 409],
  })
  async publishVersion(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Param('number', ParseVersionPipe) number: number,
  ): Promise<AppVersionResponse> {
    return toVersionResponse(await this.apps.developerMove(user.id, appId, number, 'publish'));
  }

  @Delete('developer/apps/:appId')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'deleteMyApp',
    summary: 'Delete one of my apps, its authorizations and tokens',
    problems: [403, 404],
  })
  async delete(@CurrentUser() user: AuthUser, @Param('appId', ParseIdPipe) appId: string): Promise<void> {
    await this.apps.delete(user.id, appId);
  }

  @Post('developer/apps/:appId/secret')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'rotateAppSecret',
    summary: 'Replace the client secret; the old one stops working at once',
    response: ClientSecretResponse,
    problems: [403, 404, 409],
  })
  async rotateSecret(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
  ): Promise<ClientSecretResponse> {
    return { clientSecret: await this.apps.rotateSecret(user.id, appId) };
  }

  @Get('developer/apps/:appId/testers')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'listAppTesters',
    summary: 'Who may use the app while it is in development mode',
    response: TesterListResponse,
    problems: [403, 404],
  })
  async listTesters(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
  ): Promise<TesterListResponse> {
    const testers = await this.apps.listTesters(user.id, appId);
    const people = await this.directory.summaries(testers.map((tester) => tester.userId));
    return {
      items: testers.map((tester) => ({ user: people.get(tester.userId)!, addedAt: iso(tester.addedAt) })),
    };
  }

  @Post('developer/apps/:appId/testers')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'addAppTesterByUsername',
    summary: 'Whitelist a tester by username, in any letter case (idempotent: adding again changes nothing)',
    response: TesterResponse,
    problems: [403, 404, 409],
    problemDescriptions: {
      404: 'No such app of mine (not_found), or nobody has the username (unknown_username)',
    },
  })
  async addTesterByUsername(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Body() body: AddTesterRequest,
  ): Promise<TesterResponse> {
    const tester = await this.apps.addTesterByUsername(user.id, appId, body.username);
    return { user: await this.directory.summary(tester.userId), addedAt: iso(tester.addedAt) };
  }

  @Put('developer/apps/:appId/testers/:userId')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'addAppTester',
    summary: 'Whitelist a tester (idempotent)',
    problems: [403, 404, 409],
  })
  async addTester(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Param('userId', ParseIdPipe) userId: string,
  ): Promise<void> {
    await this.apps.addTester(user.id, appId, userId);
  }

  @Delete('developer/apps/:appId/testers/:userId')
  @RequireRole('developer')
  @Endpoint({ operationId: 'removeAppTester', summary: 'Remove a tester', problems: [403, 404] })
  async removeTester(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Param('userId', ParseIdPipe) userId: string,
  ): Promise<void> {
    await this.apps.removeTester(user.id, appId, userId);
  }

  // ── admins ───────────────────────────────────────────────────────────────

  @Get('admin/apps')
  @RequireRole('admin')
  @Endpoint({
    operationId: 'listAppsForReview',
    summary: 'Apps by status, most recently changed first (admins only)',
    response: AppListResponse,
    problems: [403],
  })
  async listForReview(@Query() query: AdminAppQuery): Promise<AppListResponse> {
    return { items: await this.responses(await this.apps.listForReview(query.status)) };
  }

  @Get('admin/app-versions')
  @RequireRole('admin')
  @Endpoint({
    operationId: 'listSubmittedAppVersions',
    summary: 'Versions waiting for review, oldest submission first, a page at a time (admins only)',
    response: SubmittedVersionListResponse,
    problems: [403],
  })
  async listSubmitted(@Query() query: PageQuery): Promise<SubmittedVersionListResponse> {
    const limit = pageSize(query);
    const rows = await this.apps.listSubmitted(limit, decodeCursor(query.cursor));
    const versions = rows.slice(0, limit);
    const last = versions[versions.length - 1];
    const apps = await this.apps.byIds(versions.map((version) => version.appId));
    const responses = new Map(
      (await this.responses([...apps.values()])).map((response) => [response.id, response]),
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

  @Get('admin/apps/:appId')
  @RequireRole('admin')
  @Endpoint({
    operationId: 'getAppForReview',
    summary: 'An app with its versions and status history (admins only)',
    response: AdminAppResponse,
    problems: [403, 404],
  })
  async getForReview(@Param('appId', ParseIdPipe) appId: string): Promise<AdminAppResponse> {
    return this.adminView(appId);
  }

  private async adminView(appId: string): Promise<AdminAppResponse> {
    const app = await this.apps.findById(appId);
    if (!app) throw notFound('App');
    const history = await this.apps.history(app.id);
    const actors = await this.directory.summaries(
      history.flatMap((change) => (change.actorId ? [change.actorId] : [])),
    );
    return {
      app: await this.response(app),
      versions: (await this.apps.versions(app.id)).map(toVersionResponse),
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

  @Post('admin/apps/:appId/versions/:number/approve')
  @RequireRole('admin')
  @Endpoint({
    operationId: 'approveAppVersion',
    summary: 'Approve a submitted version; its developer may then publish it (admins only)',
    response: AdminAppResponse,
    problems: [403, 404, 409],
  })
  async approve(
    @CurrentUser() admin: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Param('number', ParseVersionPipe) number: number,
    @Body() body: OptionalReasonRequest,
  ): Promise<AdminAppResponse> {
    await this.apps.review(admin.id, appId, number, 'approve', body.reason?.trim() || null);
    return this.adminView(appId);
  }

  @Post('admin/apps/:appId/versions/:number/reject')
  @RequireRole('admin')
  @Endpoint({
    operationId: 'rejectAppVersion',
    summary: 'Reject a submitted version, with reasons for its developer (admins only)',
    response: AdminAppResponse,
    problems: [403, 404, 409],
  })
  async reject(
    @CurrentUser() admin: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Param('number', ParseVersionPipe) number: number,
    @Body() body: ReasonRequest,
  ): Promise<AdminAppResponse> {
    await this.apps.review(admin.id, appId, number, 'reject', nonBlank(body.reason, 'reason'));
    return this.adminView(appId);
  }

  @Get('admin/apps/:appId/versions/:number/diff')
  @RequireRole('admin')
  @Endpoint({
    operationId: 'diffAppVersionForReview',
    summary: 'How a version differs from the published one, for its review (admins only)',
    response: VersionDiffResponse,
    problems: [403, 404],
  })
  async diffForReview(
    @Param('appId', ParseIdPipe) appId: string,
    @Param('number', ParseVersionPipe) number: number,
  ): Promise<VersionDiffResponse> {
    return this.apps.diff(appId, number);
  }

  @Post('admin/apps/:appId/suspend')
  @RequireRole('admin')
  @Endpoint({
    operationId: 'suspendApp',
    summary: 'Suspend an app: its tokens stop working at once (admins only)',
    response: AdminAppResponse,
    problems: [403, 404, 409],
  })
  async suspend(
    @CurrentUser() admin: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Body() body: ReasonRequest,
  ): Promise<AdminAppResponse> {
    await this.apps.suspension(admin.id, appId, 'suspend', nonBlank(body.reason, 'reason'));
    return this.adminView(appId);
  }

  @Post('admin/apps/:appId/reinstate')
  @RequireRole('admin')
  @Endpoint({
    operationId: 'reinstateApp',
    summary: 'Lift a suspension: the app is published again, or back in development (admins only)',
    response: AdminAppResponse,
    problems: [403, 404, 409],
  })
  async reinstate(
    @CurrentUser() admin: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Body() body: OptionalReasonRequest,
  ): Promise<AdminAppResponse> {
    await this.apps.suspension(admin.id, appId, 'reinstate', body.reason?.trim() || null);
    return this.adminView(appId);
  }

  // ── users ────────────────────────────────────────────────────────────────

  @Get('me/authorized-apps')
  @Endpoint({
    operationId: 'listAuthorizedApps',
    summary: 'The apps I allowed to act for me, and what each may do',
    response: AuthorizedAppListResponse,
  })
  async listAuthorized(@CurrentUser() user: AuthUser): Promise<AuthorizedAppListResponse> {
    const authorizations = await this.authorizations.listForUser(user.id);
    const apps = await this.apps.byIds(authorizations.map((authorization) => authorization.appId));
    return {
      items: authorizations.flatMap((authorization) => {
        const app = apps.get(authorization.appId);
        if (!app) return [];
        return [
          {
            appId: app.id,
            name: app.name,
            iconUrl: app.iconUrl,
            developerName: app.ownerName,
            scopes: authorization.scopes.map((scope) => ({ scope, description: SCOPE_DESCRIPTIONS[scope] })),
            authorizedAt: iso(authorization.authorizedAt),
          },
        ];
      }),
    };
  }

  @Delete('me/authorized-apps/:appId')
  @Endpoint({
    operationId: 'revokeAppAuthorization',
    summary: "Withdraw an app's access: its tokens stop working at once",
    problems: [404],
  })
  async revoke(@CurrentUser() user: AuthUser, @Param('appId', ParseIdPipe) appId: string): Promise<void> {
    await this.authorizations.revoke(user.id, appId);
  }
}
