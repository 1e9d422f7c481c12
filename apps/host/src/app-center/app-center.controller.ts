import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, SessionAuth, Viewer } from '../accounts/auth.decorators';
import type { RegisteredApp } from '../apps/registered-app';
import { SCOPE_DESCRIPTIONS, type Scope } from '../apps/scopes';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import {
  decodeCursor,
  decodeKeyCursor,
  encodeKeyCursor,
  PageQuery,
  pageSize,
  toPageBy,
} from '../common/pagination';
import { isId } from '../common/ids';
import { Public } from '../common/public.decorator';
import { iso } from '../common/time';
import { ApiImageResponse, imageFile } from '../images/image-http';
import { UserDirectoryService } from '../profiles/user-directory.service';
import { AppCenterService, Installation } from './app-center.service';
import {
  AppCenterAppResponse,
  AppIconQuery,
  FriendsToInvitePage,
  AppCenterDetailResponse,
  AppCenterPageResponse,
  AppCenterQuery,
  InstallationResponse,
  InstalledAppListResponse,
  InstallRequest,
  InviteRequest,
  InviteResponse,
  LaunchQuery,
  LaunchResponse,
  RatingRequest,
} from './dto/app-center.dto';
import { InvitesService } from './invites.service';
import { LaunchTokensService, PublicJwk } from './launch-tokens.service';

const inWords = (scopes: Scope[]) =>
  scopes.map((scope) => ({ scope, description: SCOPE_DESCRIPTIONS[scope] }));

function toInstallation(installation: Installation): InstallationResponse {
  return {
    scopes: inWords(installation.scopes),
    pendingScopes: inWords(installation.pendingScopes),
    installedAt: iso(installation.installedAt),
    myRating: installation.myRating,
  };
}

@ApiTags('app-center')
@SessionAuth()
@Controller()
export class AppCenterController {
  constructor(
    private readonly center: AppCenterService,
    private readonly launchTokens: LaunchTokensService,
    private readonly directory: UserDirectoryService,
    private readonly invites: InvitesService,
  ) {}

  private async listed(apps: RegisteredApp[]): Promise<AppCenterAppResponse[]> {
    const [developers, stats] = await Promise.all([
      this.directory.summaries(apps.map((app) => app.ownerId)),
      this.center.stats(apps.map((app) => app.id)),
    ]);
    return apps.map((app) => {
      const { installCount, ratingAverage, ratingCount } = stats.get(app.id)!;
      return {
        id: app.id,
        name: app.name,
        description: app.description,
        iconUrl: app.iconUrl,
        category: app.category,
        developer: developers.get(app.ownerId)!,
        installCount,
        rating: { average: ratingAverage, count: ratingCount },
        builtIn: app.pluginId !== null,
      };
    });
  }

  @Get('app-center/apps')
  @Endpoint({
    operationId: 'browseAppCenter',
    summary: 'Published apps, newest first, by category or searched by name',
    response: AppCenterPageResponse,
  })
  async browse(@Query() query: AppCenterQuery): Promise<AppCenterPageResponse> {
    const limit = pageSize(query);
    const q = query.q?.trim();
    const apps = await this.center.browse(
      { category: query.category, q: q || undefined },
      limit,
      decodeCursor(query.cursor),
    );
    const page = toPageBy(
      apps,
      limit,
      (app) => app.publishedAt!,
      (app) => app,
    );
    return { items: await this.listed(page.items), nextCursor: page.nextCursor };
  }

  @Get('app-center/apps/:appId')
  @Endpoint({
    operationId: 'getAppCenterApp',
    summary: 'An app: what it asks for in plain words, its developer, installs, rating, and my installation',
    response: AppCenterDetailResponse,
    problems: [404],
  })
  async detail(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
  ): Promise<AppCenterDetailResponse> {
    return this.detailOf(user.id, await this.center.visible(user.id, appId));
  }

  private async detailOf(userId: string, app: RegisteredApp): Promise<AppCenterDetailResponse> {
    const [listed] = await this.listed([app]);
    const installation = await this.center.installation(userId, app);
    return {
      ...listed,
      scopes: app.scopes.map((scope) => ({
        scope,
        description: SCOPE_DESCRIPTIONS[scope],
        optional: app.optionalScopes.includes(scope),
      })),
      hasCanvas: app.canvasUrl !== null,
      installation: installation && toInstallation(installation),
    };
  }

  @Post('app-center/apps/:appId/install')
  @Endpoint({
    operationId: 'installApp',
    summary:
      'Install an app (consent to its scopes, minus optional ones declined); again to accept new scopes',
    response: AppCenterDetailResponse,
    problems: [404],
  })
  async install(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Body() body: InstallRequest,
  ): Promise<AppCenterDetailResponse> {
    return this.detailOf(user.id, await this.center.install(user.id, appId, body.declinedScopes ?? []));
  }

  @Delete('app-center/apps/:appId/install')
  @Endpoint({
    operationId: 'uninstallApp',
    summary: 'Uninstall an app: its tokens stop working, and its data for me is deleted after a grace period',
    problems: [404],
  })
  async uninstall(@CurrentUser() user: AuthUser, @Param('appId', ParseIdPipe) appId: string): Promise<void> {
    await this.center.uninstall(user.id, appId);
  }

  @Get('me/apps')
  @Endpoint({
    operationId: 'listMyInstalledApps',
    summary: 'The apps I installed, most recent first, with what each may do and where it opens',
    response: InstalledAppListResponse,
  })
  async installed(@CurrentUser() user: AuthUser): Promise<InstalledAppListResponse> {
    const apps = await this.center.installed(user.id);
    const listed = await this.listed(apps);
    const items = await Promise.all(
      apps.map(async (app, index) => ({
        ...listed[index],
        canvasUrl: app.canvasUrl,
        installation: toInstallation((await this.center.installation(user.id, app))!),
      })),
    );
    return { items };
  }

  @Put('app-center/apps/:appId/rating')
  @Endpoint({
    operationId: 'rateApp',
    summary: 'Rate an installed app, 1 to 5 stars (one rating per user, changeable)',
    response: AppCenterDetailResponse,
    problems: [403, 404],
  })
  async rate(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Body() body: RatingRequest,
  ): Promise<AppCenterDetailResponse> {
    await this.center.rate(user.id, appId, body.stars);
    return this.detailOf(user.id, await this.center.visible(user.id, appId));
  }

  @Post('app-center/apps/:appId/launch')
  @Endpoint({
    operationId: 'launchApp',
    summary: "Open an installed app's canvas: its URL and a short-lived launch token for the app's backend",
    response: LaunchResponse,
    problems: [403, 404, 409],
    problemDescriptions: {
      403: 'The app is not installed, or a version was asked for by someone who does not test the app',
    },
  })
  async launch(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Query() query: LaunchQuery,
  ): Promise<LaunchResponse> {
    const launched = await this.center.launch(user.id, appId, query.version);
    return { canvasUrl: launched.canvasUrl, launchToken: launched.token, expiresAt: iso(launched.expiresAt) };
  }

  /** Before publication the icon is cached only by the viewer's browser, like the app it shows. */
  @Get('app-center/apps/:appId/icon')
  @Public()
  @ApiImageResponse('The icon, a square WebP', ['image/webp'])
  @Endpoint({
    operationId: 'getAppIcon',
    summary: "An app's uploaded icon (the URL its iconUrl gives)",
    status: HttpStatus.OK,
    problems: [404],
  })
  async icon(
    @Viewer() viewer: AuthUser | null,
    @Param('appId', ParseIdPipe) appId: string,
    @Query() query: AppIconQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const icon = await this.center.icon(viewer?.id ?? null, appId);
    // Only the versioned URL (the one iconUrl gives) names one image for good.
    const lifetime = query.v ? 'max-age=31536000, immutable' : 'no-cache';
    return imageFile(
      response,
      icon.image,
      'image/webp',
      `${icon.isPublic ? 'public' : 'private'}, ${lifetime}`,
    );
  }

  @Post('app-center/apps/:appId/invites')
  @Endpoint({
    operationId: 'inviteToApp',
    summary:
      'Invite friends to an app I installed (a notification each; a daily quota applies; a friend with a ' +
      'pending invite from me is not invited again)',
    response: InviteResponse,
    problems: [403, 404, 409, 429],
  })
  async invite(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Body() body: InviteRequest,
  ): Promise<InviteResponse> {
    const outcome = await this.invites.invite(
      user.id,
      appId,
      body.userIds.map((id) => id.toLowerCase()),
    );
    return {
      invited: outcome.created.map((invite) => invite.inviteeId),
      alreadyInvited: outcome.pending.map((invite) => invite.inviteeId),
      alreadyInstalled: outcome.alreadyInstalled,
      remainingToday: outcome.remainingToday,
    };
  }

  @Get('app-center/apps/:appId/invitable-friends')
  @Endpoint({
    operationId: 'listFriendsToInvite',
    summary:
      'My friends who do not use an app I installed, to invite (never anyone in a block relation with me), ' +
      'each with whether my invite to them is pending',
    response: FriendsToInvitePage,
    problems: [400, 403, 404],
  })
  async friendsToInvite(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Query() query: PageQuery,
  ): Promise<FriendsToInvitePage> {
    const limit = pageSize(query);
    const after = decodeKeyCursor('user', query.cursor, isId);
    const friends = (await this.invites.friendsToInvite(user.id, appId)).filter(
      (friend) => after === undefined || friend.userId > after,
    );
    const page = friends.slice(0, limit);
    const people = await this.directory.summaries(page.map((friend) => friend.userId));
    return {
      items: page.flatMap(({ userId, invited }) => {
        const person = people.get(userId);
        return person ? [{ user: person, invited }] : [];
      }),
      nextCursor: friends.length > limit ? encodeKeyCursor('user', page[page.length - 1].userId) : null,
    };
  }

  /** The public keys that sign launch tokens (RFC 7517), for apps' backends; excluded like the OAuth metadata. */
  @Get('.well-known/jwks.json')
  @Public()
  @ApiExcludeEndpoint()
  @Header('Cache-Control', 'public, max-age=3600')
  jwks(): { keys: PublicJwk[] } {
    return this.launchTokens.keySet();
  }
}
