import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, RequireRole, SessionAuth } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { LIMITS } from '../common/limits';
import { AppUsageService } from './app-usage.service';
import { AppUsageQuery, AppUsageResponse } from './dto/app-usage.dto';

/** The developer's view of their app's Open API traffic (first-party API, under the user's session). */
@ApiTags('apps')
@SessionAuth()
@Controller()
export class AppUsageController {
  constructor(private readonly usage: AppUsageService) {}

  @Get('developer/apps/:appId/usage')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'getMyAppUsage',
    summary:
      "My app's Open API calls per day and operation (with 4xx, 429 and 5xx counts) and its rate limits now",
    response: AppUsageResponse,
    problems: [403, 404],
  })
  async get(
    @CurrentUser() user: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Query() query: AppUsageQuery,
  ): Promise<AppUsageResponse> {
    const usage = await this.usage.usage(user.id, appId, query.days ?? LIMITS.openApiUsageDaysDefault);
    return {
      from: usage.from,
      to: usage.to,
      items: usage.rows.map(({ appId: _appId, ...row }) => row),
      totals: usage.totals,
      rateLimit: usage.budget,
    };
  }
}
