import {
  Body,
  Delete,
  Get,
  HttpStatus,
  Param,
  Patch,
  Post,
  Put,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser } from '../accounts/auth.decorators';
import { AccountResponse } from '../accounts/dto/accounts.dto';
import { toAccountResponse } from '../accounts/accounts.mapper';
import { AccountsService } from '../accounts/accounts.service';
import { imageUploadInterceptor, requireFile } from '../images/image-http';
import { LIMITS } from '../common/limits';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { iso } from '../common/time';
import { UserDirectoryService } from '../profiles/user-directory.service';
import { AppCredentialsService } from './app-credentials.service';
import { AppDevelopersService } from './app-developers.service';
import { AppRegistry } from './app-registry.service';
import { AppTestersService } from './app-testers.service';
import { AppVersionsService } from './app-versions.service';
import { AppsController, DeveloperEndpoint } from './apps.decorators';
import {
  ParseVersionPipe,
  toAppResponses,
  toListing,
  toManifest,
  toManifestPatch,
  toVersionResponse,
} from './apps.mapper';
import { AppListResponse, AppResponse } from './dto/app.dto';
import { AppVersionResponse, VersionDiffResponse } from './dto/app-version.dto';
import {
  AddTesterRequest,
  AppListingRequest,
  AppManifestRequest,
  AppVersionListResponse,
  ClientSecretResponse,
  CreateAppRequest,
  CreatedAppResponse,
  EditAppVersionRequest,
  ICON_UPLOAD_SCHEMA,
  SubmitVersionRequest,
  TesterListResponse,
  TesterResponse,
} from './dto/developer-apps.dto';
import type { RegisteredApp } from './registered-app';

/** What developers do with their apps: register them, list them, write versions, whitelist testers. */
@AppsController('developer')
export class DeveloperAppsController {
  constructor(
    private readonly registry: AppRegistry,
    private readonly developers: AppDevelopersService,
    private readonly versions: AppVersionsService,
    private readonly credentials: AppCredentialsService,
    private readonly testers: AppTestersService,
    private readonly accounts: AccountsService,
    private readonly directory: UserDirectoryService,
  ) {}

  private async response(app: RegisteredApp): Promise<AppResponse> {
    return (await toAppResponses(this.directory, [app]))[0];
  }

  @Post('registration')
  @Endpoint({
    operationId: 'registerAsDeveloper',
    summary: 'Become a developer, who can register apps (idempotent)',
    response: AccountResponse,
  })
  async registerDeveloper(@CurrentUser() user: AuthUser): Promise<AccountResponse> {
    await this.developers.registerDeveloper(user.id);
    return toAccountResponse(await this.accounts.getUser(user.id));
  }

  @Get('apps')
  @DeveloperEndpoint({
    operationId: 'listMyApps',
    summary: 'The apps I registered',
    response: AppListResponse,
  })
  async listMine(@CurrentUser() user: AuthUser): Promise<AppListResponse> {
    return { items: await toAppResponses(this.directory, await this.registry.listOwned(user.id)) };
  }

  @Post('apps')
  @DeveloperEndpoint({
    operationId: 'createApp',
    summary:
      'Register an app with version 1 as a draft; it is in development mode until a version is ' +
      'published, and its secret is shown only now',
    response: CreatedAppResponse,
    status: HttpStatus.CREATED,
    problems: [409],
  })
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateAppRequest): Promise<CreatedAppResponse> {
    const created = await this.developers.create(
      user.id,
      { ...toListing(body), ...toManifest(body) },
      body.clientType ?? 'confidential',
    );
    return { app: await this.response(created.app), clientSecret: created.clientSecret };
  }

  @Get('apps/:appId')
  @DeveloperEndpoint({
    operationId: 'getMyApp',
    summary: 'One of my apps',
    response: AppResponse,
    problems: [404],
  })
  async getMine(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
  ): Promise<AppResponse> {
    return this.response(await this.registry.owned(user.id, appId));
  }

  @Put('apps/:appId')
  @DeveloperEndpoint({
    operationId: 'updateMyApp',
    summary: 'Replace how the app center lists one of my apps (takes effect at once, without review)',
    response: AppResponse,
    problems: [404],
  })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Body() body: AppListingRequest,
  ): Promise<AppResponse> {
    return this.response(await this.developers.update(user.id, appId, toListing(body)));
  }

  @Put('apps/:appId/icon')
  @UseInterceptors(imageUploadInterceptor(LIMITS.appIconFileBytes, 0))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: ICON_UPLOAD_SCHEMA })
  @DeveloperEndpoint({
    operationId: 'uploadMyAppIcon',
    summary:
      `Upload the app's icon (JPEG, PNG, WebP or GIF): re-encoded to a ${LIMITS.appIconSide}×` +
      `${LIMITS.appIconSide} WebP without metadata and listed at once, without review`,
    response: AppResponse,
    problems: [404, 413, 415, 422],
  })
  async uploadIcon(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<AppResponse> {
    return this.response(await this.developers.setIcon(user.id, appId, requireFile(file)));
  }

  @Get('apps/:appId/versions')
  @DeveloperEndpoint({
    operationId: 'listMyAppVersions',
    summary: 'The versions of one of my apps, newest first, and the decisions about them',
    response: AppVersionListResponse,
    problems: [404],
  })
  async listVersions(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
  ): Promise<AppVersionListResponse> {
    await this.registry.owned(user.id, appId);
    const versions = await this.versions.versions(appId);
    const history = await this.versions.history(appId);
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

  @Post('apps/:appId/versions')
  @DeveloperEndpoint({
    operationId: 'createAppVersion',
    summary: 'Start the next version as a draft (when no other version is draft, submitted or approved)',
    response: AppVersionResponse,
    status: HttpStatus.CREATED,
    problems: [404, 409],
  })
  async createVersion(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Body() body: AppManifestRequest,
  ): Promise<AppVersionResponse> {
    return toVersionResponse(await this.versions.createVersion(user.id, appId, toManifest(body)));
  }

  @Patch('apps/:appId/versions/:number')
  @DeveloperEndpoint({
    operationId: 'editAppVersion',
    summary: "Change a draft version's manifest: fields left out stay as they were, null clears a URL",
    response: AppVersionResponse,
    problems: [404, 409],
  })
  async editVersion(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Param('number', ParseVersionPipe) number: number,
    @Body() body: EditAppVersionRequest,
  ): Promise<AppVersionResponse> {
    return toVersionResponse(await this.versions.editDraft(user.id, appId, number, toManifestPatch(body)));
  }

  @Get('apps/:appId/versions/:number/diff')
  @DeveloperEndpoint({
    operationId: 'diffMyAppVersion',
    summary: 'How a version of my app differs from the published one (scopes, events, URLs, listing)',
    response: VersionDiffResponse,
    problems: [404],
  })
  async diffVersion(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Param('number', ParseVersionPipe) number: number,
  ): Promise<VersionDiffResponse> {
    await this.registry.owned(user.id, appId);
    return this.versions.diff(appId, number);
  }

  @Post('apps/:appId/versions/:number/submit')
  @DeveloperEndpoint({
    operationId: 'submitAppVersion',
    summary: 'Submit a draft version for review, with an optional note for the reviewer',
    response: AppVersionResponse,
    problems: [404, 409],
  })
  async submitVersion(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Param('number', ParseVersionPipe) number: number,
    @Body() body: SubmitVersionRequest,
  ): Promise<AppVersionResponse> {
    const note = body?.note?.trim() || null;
    return toVersionResponse(await this.versions.developerMove(user.id, appId, number, 'submit', note));
  }

  @Post('apps/:appId/versions/:number/publish')
  @DeveloperEndpoint({
    operationId: 'publishAppVersion',
    summary: 'Publish an approved version: users get it; scopes it adds wait for each user’s consent',
    response: AppVersionResponse,
    problems: [404, 409],
  })
  async publishVersion(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Param('number', ParseVersionPipe) number: number,
  ): Promise<AppVersionResponse> {
    return toVersionResponse(await this.versions.developerMove(user.id, appId, number, 'publish'));
  }

  @Delete('apps/:appId')
  @DeveloperEndpoint({
    operationId: 'deleteMyApp',
    summary: 'Delete one of my apps, its authorizations and tokens',
    problems: [404],
  })
  async delete(@CurrentUser() user: AuthUser, @Param('appId', ParseIdPipe) appId: string): Promise<void> {
    await this.developers.delete(user.id, appId);
  }

  @Post('apps/:appId/secret')
  @DeveloperEndpoint({
    operationId: 'rotateAppSecret',
    summary: 'Replace the client secret; the old one stops working at once',
    response: ClientSecretResponse,
    problems: [404, 409],
  })
  async rotateSecret(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
  ): Promise<ClientSecretResponse> {
    return { clientSecret: await this.credentials.rotateSecret(user.id, appId) };
  }

  @Get('apps/:appId/testers')
  @DeveloperEndpoint({
    operationId: 'listAppTesters',
    summary: 'Who may use the app while it is in development mode',
    response: TesterListResponse,
    problems: [404],
  })
  async listTesters(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
  ): Promise<TesterListResponse> {
    const testers = await this.testers.listTesters(user.id, appId);
    const people = await this.directory.summaries(testers.map((tester) => tester.userId));
    return {
      items: testers.map((tester) => ({ user: people.get(tester.userId)!, addedAt: iso(tester.addedAt) })),
    };
  }

  @Post('apps/:appId/testers')
  @DeveloperEndpoint({
    operationId: 'addAppTesterByUsername',
    summary: 'Whitelist a tester by username, in any letter case (idempotent: adding again changes nothing)',
    response: TesterResponse,
    problems: [404, 409],
    problemDescriptions: {
      404: 'No such app of mine (not_found), or nobody has the username (unknown_username)',
    },
  })
  async addTesterByUsername(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Body() body: AddTesterRequest,
  ): Promise<TesterResponse> {
    const tester = await this.testers.addTesterByUsername(user.id, appId, body.username);
    return { user: await this.directory.summary(tester.userId), addedAt: iso(tester.addedAt) };
  }

  @Put('apps/:appId/testers/:userId')
  @DeveloperEndpoint({
    operationId: 'addAppTester',
    summary: 'Whitelist a tester (idempotent)',
    problems: [404, 409],
  })
  async addTester(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Param('userId', ParseIdPipe) userId: string,
  ): Promise<void> {
    await this.testers.addTester(user.id, appId, userId);
  }

  @Delete('apps/:appId/testers/:userId')
  @DeveloperEndpoint({ operationId: 'removeAppTester', summary: 'Remove a tester', problems: [404] })
  async removeTester(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Param('userId', ParseIdPipe) userId: string,
  ): Promise<void> {
    await this.testers.removeTester(user.id, appId, userId);
  }
}
