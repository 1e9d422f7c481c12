import { Get } from '@nestjs/common';
import { Endpoint } from '../common/endpoint.decorator';
import type { AccessContext } from '../access-context/access-context';
import { LimitsResponse } from './dto/limits.dto';
import { LimitsService } from './limits.service';
import { Access, AnyScope, OpenApiController, openApiProblems } from './open-api.decorators';

/** QQ's `get_limitation`: an app sees what it may still do before a 429 tells it. */
@OpenApiController('limits', 'limits')
export class LimitsController {
  constructor(private readonly limits: LimitsService) {}

  @Get()
  @AnyScope()
  @Endpoint({
    operationId: 'getLimits',
    summary:
      "What this token may still do: the rate limits' requests left in the current window (per token and per " +
      "app), and today's quotas of stories, notifications, gifts, reminders and invites for the user, each " +
      'with when it resets (any token; this call counts against the rate limit like any other, and the ' +
      'answer already includes it)',
    response: LimitsResponse,
    problems: openApiProblems(),
  })
  getLimits(@Access() access: AccessContext): Promise<LimitsResponse> {
    return this.limits.limits(access);
  }
}
