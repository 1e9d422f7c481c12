import { Get, Param, Query } from '@nestjs/common';
import { Endpoint } from '../common/endpoint.decorator';
import { PageQuery, pageSize } from '../common/pagination';
import type { AccessContext } from '../access-context/access-context';
import { AppFriendsService } from './app-friends.service';
import { AppFriendPage, AppFriendStatus } from './dto/open-api.dto';
import { Access, OpenApiController, openApiProblems, RequireScope } from './open-api.decorators';

@OpenApiController('friends', 'friends')
export class AppFriendsController {
  constructor(private readonly appFriends: AppFriendsService) {}

  @Get()
  @RequireScope('friends:read')
  @Endpoint({
    operationId: 'listAppFriends',
    summary: "The user's friends who also use this app (never anyone in a block relation with the user)",
    response: AppFriendPage,
    problems: openApiProblems(),
  })
  listAppFriends(@Access() access: AccessContext, @Query() query: PageQuery): Promise<AppFriendPage> {
    return this.appFriends.page(access, pageSize(query), query.cursor);
  }

  @Get(':openid')
  @RequireScope('friends:read')
  @Endpoint({
    operationId: 'getAppFriend',
    summary: 'Whether the user with this openid is a friend of the user who also uses this app',
    response: AppFriendStatus,
    problems: openApiProblems(404),
  })
  getAppFriend(@Access() access: AccessContext, @Param('openid') openid: string): Promise<AppFriendStatus> {
    return this.appFriends.status(access, openid);
  }
}
