import { Get } from '@nestjs/common';
import { Endpoint } from '../common/endpoint.decorator';
import type { AccessContext } from '../access-context/access-context';
import { OpenProfile } from './dto/open-api.dto';
import { Access, OpenApiController, openApiProblems, RequireScope } from './open-api.decorators';
import { OpenProfilesService } from './open-profiles.service';

@OpenApiController('me', 'profile')
export class MeController {
  constructor(private readonly profiles: OpenProfilesService) {}

  @Get()
  @RequireScope('profile:read')
  @Endpoint({
    operationId: 'getMe',
    summary: "The user's openid, nickname, head portrait, level and VIP status",
    response: OpenProfile,
    problems: openApiProblems(),
  })
  getMe(@Access() access: AccessContext): Promise<OpenProfile> {
    return this.profiles.me(access);
  }
}
