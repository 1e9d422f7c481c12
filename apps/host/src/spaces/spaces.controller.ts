import { Body, Controller, Delete, Get, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, SessionAuth, Viewer } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { decodeCursor, PageQuery, pageSize, toPage, toPageBy } from '../common/pagination';
import { Public } from '../common/public.decorator';
import type { Space } from '../profiles/space.entity';
import { UserDirectoryService } from '../profiles/user-directory.service';
import type { BoardMessage } from './board-message.entity';
import {
  BoardMessagePage,
  BoardMessageResponse,
  CreateBoardMessageRequest,
  SpaceDecorationResponse,
  SpaceProfileResponse,
  SpaceResponse,
  SpaceVisitorPage,
  UpdateSpaceDecorationRequest,
  UpdateSpaceProfileRequest,
} from './dto/spaces.dto';
import { BoardMessageRow, SpacesService } from './spaces.service';

/** A `date` column as YYYY-MM-DD: PostgreSQL hands it over as text, PGlite as a Date at UTC midnight. */
/** PGlite hands `date` columns back as midnight-UTC instants, PostgreSQL as text; clients get the text. */
function calendarDate(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

function profileResponse(space: Space): SpaceProfileResponse {
  return {
    nickname: space.nickname,
    avatarUrl: space.avatarUrl ?? null,
    signature: space.signature ?? null,
    gender: space.gender,
    birthday: calendarDate(space.birthday),
    location: space.location ?? null,
  };
}

function decorationResponse(space: Space): SpaceDecorationResponse {
  return {
    themeId: space.themeId,
    musicUrl: space.musicUrl ?? null,
    modules: [...space.modules],
    boardAccess: space.boardAccess,
  };
}

@ApiTags('spaces')
@SessionAuth()
@Controller()
export class SpacesController {
  constructor(
    private readonly spaces: SpacesService,
    private readonly directory: UserDirectoryService,
  ) {}

  private async messageResponses(
    viewerId: string | null,
    ownerId: string,
    rows: BoardMessageRow[],
  ): Promise<BoardMessageResponse[]> {
    const people = await this.directory.summaries(rows.map((row) => row.author_id));
    return rows.map((row) => ({
      id: row.id,
      author: people.get(row.author_id)!,
      body: row.body,
      deletable: viewerId !== null && (viewerId === ownerId || viewerId === row.author_id),
      createdAt: new Date(row.created_at).toISOString(),
      // Only the author is ever given a message that is not published (the query sees to that).
      ...(row.moderation === 'published'
        ? {}
        : { moderation: { state: row.moderation, reason: row.moderation_reason } }),
    }));
  }

  @Get('spaces/:userId')
  @Public()
  @Endpoint({
    operationId: 'getSpace',
    summary: "A user's space: profile, decoration and counts (a signed-in visit is logged)",
    response: SpaceResponse,
    problems: [404],
  })
  async get(
    @Viewer() viewer: AuthUser | null,
    @Param('userId', ParseIdPipe) userId: string,
  ): Promise<SpaceResponse> {
    const { space, ...view } = await this.spaces.view(viewer?.id ?? null, userId);
    return {
      id: space.userId,
      username: view.username,
      profile: profileResponse(space),
      decoration: { ...decorationResponse(space), themeId: view.themeId },
      postCount: view.postCount,
      visitorCount: view.visitorCount,
      visitorsToday: view.visitorsToday,
      relationship: view.relationship,
      canReadBoard: view.canReadBoard,
      canWriteBoard: view.canWriteBoard,
      vip: view.badges.vip,
      level: view.badges.level,
    };
  }

  @Patch('space/profile')
  @Endpoint({ operationId: 'updateSpaceProfile', summary: 'Edit my profile', response: SpaceProfileResponse })
  async updateProfile(
    @CurrentUser() viewer: AuthUser,
    @Body() body: UpdateSpaceProfileRequest,
  ): Promise<SpaceProfileResponse> {
    return profileResponse(await this.spaces.updateProfile(viewer.id, body));
  }

  @Patch('space/decoration')
  @Endpoint({
    operationId: 'updateSpaceDecoration',
    summary: "Change my space's theme, music, layout and board access",
    response: SpaceDecorationResponse,
    problems: [403],
  })
  async updateDecoration(
    @CurrentUser() viewer: AuthUser,
    @Body() body: UpdateSpaceDecorationRequest,
  ): Promise<SpaceDecorationResponse> {
    return decorationResponse(await this.spaces.updateDecoration(viewer.id, body));
  }

  @Get('spaces/:userId/visitors')
  @Endpoint({
    operationId: 'listSpaceVisitors',
    summary: 'Who visited my space, latest first (one entry per visitor per UTC day)',
    response: SpaceVisitorPage,
    problems: [403, 404],
  })
  async visitors(
    @CurrentUser() viewer: AuthUser,
    @Param('userId', ParseIdPipe) userId: string,
    @Query() query: PageQuery,
  ): Promise<SpaceVisitorPage> {
    const limit = pageSize(query);
    const rows = await this.spaces.listVisitors(viewer.id, userId, limit, decodeCursor(query.cursor));
    const people = await this.directory.summaries(rows.map((row) => row.visitor_id));
    return toPageBy(
      rows,
      limit,
      (row) => row.visited_at,
      (row) => ({ visitor: people.get(row.visitor_id)!, visitedAt: new Date(row.visited_at).toISOString() }),
    );
  }

  @Get('spaces/:userId/messages')
  @Public()
  @Endpoint({
    operationId: 'listBoardMessages',
    summary: "Messages on a user's message board, newest first",
    response: BoardMessagePage,
    problems: [403, 404],
  })
  async messages(
    @Viewer() viewer: AuthUser | null,
    @Param('userId', ParseIdPipe) userId: string,
    @Query() query: PageQuery,
  ): Promise<BoardMessagePage> {
    const limit = pageSize(query);
    const viewerId = viewer?.id ?? null;
    const rows = await this.spaces.listMessages(viewerId, userId, limit, decodeCursor(query.cursor));
    const page = toPage(rows, limit, (row) => row);
    return { items: await this.messageResponses(viewerId, userId, page.items), nextCursor: page.nextCursor };
  }

  @Post('spaces/:userId/messages')
  @Endpoint({
    operationId: 'createBoardMessage',
    summary: "Leave a message on a user's message board",
    response: BoardMessageResponse,
    status: HttpStatus.CREATED,
    problems: [403, 404, 422],
  })
  async leaveMessage(
    @CurrentUser() viewer: AuthUser,
    @Param('userId', ParseIdPipe) userId: string,
    @Body() body: CreateBoardMessageRequest,
  ): Promise<BoardMessageResponse> {
    const message: BoardMessage = await this.spaces.leaveMessage(viewer.id, userId, body.body);
    const [response] = await this.messageResponses(viewer.id, userId, [
      {
        id: message.id,
        author_id: message.authorId,
        body: message.body,
        created_at: message.createdAt,
        moderation: message.moderation,
        moderation_reason: message.moderationReason ?? null,
      },
    ]);
    return response;
  }

  @Delete('spaces/:userId/messages/:messageId')
  @Endpoint({
    operationId: 'deleteBoardMessage',
    summary: 'Delete a message from my board, or one I left',
    problems: [404],
  })
  async deleteMessage(
    @CurrentUser() viewer: AuthUser,
    @Param('userId', ParseIdPipe) userId: string,
    @Param('messageId', ParseIdPipe) messageId: string,
  ): Promise<void> {
    await this.spaces.deleteMessage(viewer.id, userId, messageId);
  }
}
