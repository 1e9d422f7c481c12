import { Body, Controller, Delete, Get, HttpStatus, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, SessionAuth } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { decodeCursor, PageQuery, pageSize, toPage } from '../common/pagination';
import { UserDirectoryService } from '../profiles/user-directory.service';
import {
  BlockList,
  FriendGroupList,
  FriendGroupNameRequest,
  FriendGroupResponse,
  FriendPage,
  FriendRequestPage,
  FriendRequestQuery,
  FriendRequestResponse,
  SendFriendRequestRequest,
} from './dto/friends.dto';
import type { FriendGroup } from './friend-group.entity';
import type { FriendRequest } from './friend-request.entity';
import { FriendGroupsService } from './friend-groups.service';
import { FriendRequestsService } from './friend-requests.service';
import { FriendsService } from './friends.service';

@ApiTags('friends')
@SessionAuth()
@Controller()
export class FriendsController {
  constructor(
    private readonly friends: FriendsService,
    private readonly requests: FriendRequestsService,
    private readonly friendGroups: FriendGroupsService,
    private readonly directory: UserDirectoryService,
  ) {}

  private async requestResponse(
    request: Pick<FriendRequest, 'id' | 'fromId' | 'toId' | 'note' | 'status' | 'createdAt'>,
  ) {
    const people = await this.directory.summaries([request.fromId, request.toId]);
    return {
      id: request.id,
      from: people.get(request.fromId)!,
      to: people.get(request.toId)!,
      note: request.note ?? null,
      status: request.status,
      createdAt: request.createdAt.toISOString(),
    };
  }

  private async groupResponse(group: FriendGroup, memberIds: string[]): Promise<FriendGroupResponse> {
    const people = await this.directory.summaries(memberIds);
    return {
      id: group.id,
      name: group.name,
      members: memberIds.flatMap((id) => people.get(id) ?? []),
      createdAt: group.createdAt.toISOString(),
    };
  }

  @Post('friend-requests')
  @Endpoint({
    operationId: 'sendFriendRequest',
    summary: 'Ask someone to be my friend',
    response: FriendRequestResponse,
    status: HttpStatus.CREATED,
    problems: [403, 404, 409],
  })
  async send(
    @CurrentUser() viewer: AuthUser,
    @Body() body: SendFriendRequestRequest,
  ): Promise<FriendRequestResponse> {
    return this.requestResponse(
      await this.requests.sendRequest(viewer.id, body.userId.toLowerCase(), body.note),
    );
  }

  @Get('friend-requests')
  @Endpoint({
    operationId: 'listFriendRequests',
    summary: 'Pending requests to me or from me',
    response: FriendRequestPage,
  })
  async list(
    @CurrentUser() viewer: AuthUser,
    @Query() query: FriendRequestQuery,
  ): Promise<FriendRequestPage> {
    const limit = pageSize(query);
    const rows = await this.requests.listRequests(
      viewer.id,
      query.direction ?? 'incoming',
      limit,
      decodeCursor(query.cursor),
    );
    const people = await this.directory.summaries(rows.flatMap((row) => [row.from_id, row.to_id]));
    return toPage(rows, limit, (row) => ({
      id: row.id,
      from: people.get(row.from_id)!,
      to: people.get(row.to_id)!,
      note: row.note,
      status: row.status,
      createdAt: new Date(row.created_at).toISOString(),
    }));
  }

  @Post('friend-requests/:requestId/accept')
  @Endpoint({
    operationId: 'acceptFriendRequest',
    summary: 'Accept a request sent to me',
    response: FriendRequestResponse,
    problems: [404, 409],
  })
  async accept(
    @CurrentUser() viewer: AuthUser,
    @Param('requestId', ParseIdPipe) id: string,
  ): Promise<FriendRequestResponse> {
    return this.requestResponse(await this.requests.accept(viewer.id, id));
  }

  @Post('friend-requests/:requestId/decline')
  @Endpoint({
    operationId: 'declineFriendRequest',
    summary: 'Decline a request sent to me',
    response: FriendRequestResponse,
    problems: [404, 409],
  })
  async decline(
    @CurrentUser() viewer: AuthUser,
    @Param('requestId', ParseIdPipe) id: string,
  ): Promise<FriendRequestResponse> {
    return this.requestResponse(await this.requests.decline(viewer.id, id));
  }

  @Post('friend-requests/:requestId/cancel')
  @Endpoint({
    operationId: 'cancelFriendRequest',
    summary: 'Withdraw a request I sent',
    response: FriendRequestResponse,
    problems: [404, 409],
  })
  async cancel(
    @CurrentUser() viewer: AuthUser,
    @Param('requestId', ParseIdPipe) id: string,
  ): Promise<FriendRequestResponse> {
    return this.requestResponse(await this.requests.cancel(viewer.id, id));
  }

  @Get('friends')
  @Endpoint({ operationId: 'listFriends', summary: 'My friends, newest first', response: FriendPage })
  async friendsList(@CurrentUser() viewer: AuthUser, @Query() query: PageQuery): Promise<FriendPage> {
    const limit = pageSize(query);
    const rows = await this.friends.listFriends(viewer.id, limit, decodeCursor(query.cursor));
    const people = await this.directory.summaries(rows.map((row) => row.friend_id));
    return toPage(rows, limit, (row) => ({
      user: people.get(row.friend_id)!,
      since: new Date(row.created_at).toISOString(),
    }));
  }

  @Delete('friends/:userId')
  @Endpoint({ operationId: 'removeFriend', summary: 'End a friendship', problems: [404] })
  async remove(@CurrentUser() viewer: AuthUser, @Param('userId', ParseIdPipe) userId: string): Promise<void> {
    await this.friends.removeFriend(viewer.id, userId);
  }

  @Get('friend-groups')
  @Endpoint({
    operationId: 'listFriendGroups',
    summary: 'My friend groups with their members',
    response: FriendGroupList,
  })
  async groups(@CurrentUser() viewer: AuthUser): Promise<FriendGroupList> {
    const groups = await this.friendGroups.listGroups(viewer.id);
    return {
      items: await Promise.all(groups.map(({ group, memberIds }) => this.groupResponse(group, memberIds))),
    };
  }

  @Post('friend-groups')
  @Endpoint({
    operationId: 'createFriendGroup',
    summary: 'Create a friend group',
    response: FriendGroupResponse,
    status: HttpStatus.CREATED,
    problems: [409],
  })
  async createGroup(
    @CurrentUser() viewer: AuthUser,
    @Body() body: FriendGroupNameRequest,
  ): Promise<FriendGroupResponse> {
    return this.groupResponse(await this.friendGroups.createGroup(viewer.id, body.name), []);
  }

  @Patch('friend-groups/:groupId')
  @Endpoint({
    operationId: 'renameFriendGroup',
    summary: 'Rename a friend group',
    response: FriendGroupResponse,
    problems: [404, 409],
  })
  async renameGroup(
    @CurrentUser() viewer: AuthUser,
    @Param('groupId', ParseIdPipe) groupId: string,
    @Body() body: FriendGroupNameRequest,
  ): Promise<FriendGroupResponse> {
    const group = await this.friendGroups.renameGroup(viewer.id, groupId, body.name);
    return this.groupResponse(group, (await this.friendGroups.getGroup(viewer.id, groupId)).memberIds);
  }

  @Delete('friend-groups/:groupId')
  @Endpoint({
    operationId: 'deleteFriendGroup',
    summary: 'Delete a friend group (its members stay friends)',
    problems: [404],
  })
  async deleteGroup(
    @CurrentUser() viewer: AuthUser,
    @Param('groupId', ParseIdPipe) groupId: string,
  ): Promise<void> {
    await this.friendGroups.deleteGroup(viewer.id, groupId);
  }

  @Put('friend-groups/:groupId/members/:userId')
  @Endpoint({ operationId: 'addFriendGroupMember', summary: 'Put a friend in a group', problems: [404, 409] })
  async addMember(
    @CurrentUser() viewer: AuthUser,
    @Param('groupId', ParseIdPipe) groupId: string,
    @Param('userId', ParseIdPipe) userId: string,
  ): Promise<void> {
    await this.friendGroups.addMember(viewer.id, groupId, userId);
  }

  @Delete('friend-groups/:groupId/members/:userId')
  @Endpoint({
    operationId: 'removeFriendGroupMember',
    summary: 'Take a friend out of a group',
    problems: [404],
  })
  async removeMember(
    @CurrentUser() viewer: AuthUser,
    @Param('groupId', ParseIdPipe) groupId: string,
    @Param('userId', ParseIdPipe) userId: string,
  ): Promise<void> {
    await this.friendGroups.removeMember(viewer.id, groupId, userId);
  }

  @Get('blocks')
  @Endpoint({ operationId: 'listBlocks', summary: 'Users I blocked', response: BlockList })
  async blocks(@CurrentUser() viewer: AuthUser): Promise<BlockList> {
    const rows = await this.friends.listBlocks(viewer.id);
    const people = await this.directory.summaries(rows.map((row) => row.blocked_id));
    return {
      items: rows.map((row) => ({
        user: people.get(row.blocked_id)!,
        since: new Date(row.created_at).toISOString(),
      })),
    };
  }

  @Put('blocks/:userId')
  @Endpoint({ operationId: 'blockUser', summary: 'Block a user (also ends our friendship)', problems: [404] })
  async block(@CurrentUser() viewer: AuthUser, @Param('userId', ParseIdPipe) userId: string): Promise<void> {
    await this.friends.block(viewer.id, userId);
  }

  @Delete('blocks/:userId')
  @Endpoint({ operationId: 'unblockUser', summary: 'Unblock a user', problems: [404] })
  async unblock(
    @CurrentUser() viewer: AuthUser,
    @Param('userId', ParseIdPipe) userId: string,
  ): Promise<void> {
    await this.friends.unblock(viewer.id, userId);
  }
}
