import { Body, Get, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Endpoint } from '../common/endpoint.decorator';
import { LIMITS } from '../common/limits';
import { PageQuery, pageSize } from '../common/pagination';
import type { AccessContext } from '../access-context/access-context';
import { InvitableFriendPage, OpenInvite, SendInviteRequest } from './dto/invites.dto';
import { OpenInvitesService } from './invites.service';
import { Access, OpenApiController, openApiProblems, RequireScope } from './open-api.decorators';

@OpenApiController('', 'invites')
export class OpenInvitesController {
  constructor(private readonly invites: OpenInvitesService) {}

  @Post('invites')
  @RequireScope('invites:send')
  @Endpoint({
    operationId: 'sendInvite',
    summary:
      'Invite a friend of the user who does not use this app: they are told, with a link to the app in the ' +
      `app center (${LIMITS.appInvitesPerDay} invites a day per user, over all apps). While that invite is ` +
      'pending, inviting the friend again answers it (200) and sends nothing',
    response: OpenInvite,
    status: HttpStatus.CREATED,
    problems: openApiProblems(404, 409),
    problemDescriptions: {
      409: 'The friend uses the app already (already_installed), or the app is not published',
    },
  })
  @ApiResponse({
    status: HttpStatus.OK,
    type: OpenInvite,
    description: 'The user’s invite to this friend, pending already: nothing was sent, no quota spent',
  })
  async sendInvite(
    @Access() access: AccessContext,
    @Body() body: SendInviteRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OpenInvite> {
    const { invite, created } = await this.invites.invite(access, body.to);
    if (!created) response.status(HttpStatus.OK);
    return invite;
  }

  @Get('invitable-friends')
  @RequireScope('invites:send')
  @Endpoint({
    operationId: 'listInvitableFriends',
    summary:
      "The user's friends who do not use this app yet, to invite (never anyone in a block relation with " +
      'the user), each with whether the user’s invite to them is pending',
    response: InvitableFriendPage,
    problems: openApiProblems(),
  })
  listInvitableFriends(
    @Access() access: AccessContext,
    @Query() query: PageQuery,
  ): Promise<InvitableFriendPage> {
    return this.invites.invitableFriends(access, pageSize(query), query.cursor);
  }
}
