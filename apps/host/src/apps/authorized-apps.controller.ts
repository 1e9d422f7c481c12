import { Delete, Get, Param } from '@nestjs/common';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { iso } from '../common/time';
import { AppRegistry } from './app-registry.service';
import { AppsController } from './apps.decorators';
import { AuthorizationsService } from './authorizations.service';
import { AuthorizedAppListResponse } from './dto/authorized-apps.dto';
import { SCOPE_DESCRIPTIONS } from './scopes';

/** What users do with the apps they allowed to act for them. */
@AppsController('me/authorized-apps')
export class AuthorizedAppsController {
  constructor(
    private readonly registry: AppRegistry,
    private readonly authorizations: AuthorizationsService,
  ) {}

  @Get()
  @Endpoint({
    operationId: 'listAuthorizedApps',
    summary: 'The apps I allowed to act for me, and what each may do',
    response: AuthorizedAppListResponse,
  })
  async listAuthorized(@CurrentUser() user: AuthUser): Promise<AuthorizedAppListResponse> {
    const authorizations = await this.authorizations.listForUser(user.id);
    const apps = await this.registry.byIds(authorizations.map((authorization) => authorization.appId));
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

  @Delete(':appId')
  @Endpoint({
    operationId: 'revokeAppAuthorization',
    summary: "Withdraw an app's access: its tokens stop working at once",
    problems: [404],
  })
  async revoke(@CurrentUser() user: AuthUser, @Param('appId', ParseIdPipe) appId: string): Promise<void> {
    await this.authorizations.revoke(user.id, appId);
  }
}
