import { Controller, Delete, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, SessionAuth, Viewer } from '../accounts/auth.decorators';
import { AppsService } from '../apps/apps.service';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { decodeCursor, PageQuery, pageSize, toPage } from '../common/pagination';
import { Public } from '../common/public.decorator';
import { UserDirectoryService } from '../profiles/user-directory.service';
import { GiftWallPage } from './dto/gifts.dto';
import { GiftsService, thanksOf } from './gifts.service';

@ApiTags('gifts')
@SessionAuth()
@Controller()
export class GiftsController {
  constructor(
    private readonly gifts: GiftsService,
    private readonly directory: UserDirectoryService,
    private readonly apps: AppsService,
  ) {}

  @Get('spaces/:userId/gifts')
  @Public()
  @Endpoint({
    operationId: 'listGiftWall',
    summary: "The gift wall of a user's space: gifts they received, newest first (their friends see it)",
    response: GiftWallPage,
    problems: [403, 404],
  })
  async listGiftWall(
    @Viewer() viewer: AuthUser | null,
    @Param('userId', ParseIdPipe) userId: string,
    @Query() query: PageQuery,
  ): Promise<GiftWallPage> {
    const limit = pageSize(query);
    const rows = await this.gifts.wall(viewer?.id ?? null, userId, limit, decodeCursor(query.cursor));
    const shown = rows.slice(0, limit);
    const [people, apps] = await Promise.all([
      this.directory.summaries(shown.flatMap((row) => (row.sender_id ? [row.sender_id] : []))),
      this.apps.labels(shown.flatMap((row) => (row.app_id ? [row.app_id] : []))),
    ]);
    return toPage(rows, limit, (row) => ({
      id: row.id,
      sender: row.sender_id ? (people.get(row.sender_id) ?? null) : null,
      app: row.app_id ? (apps.get(row.app_id) ?? null) : null,
      name: row.name,
      imageUrl: row.image_url,
      message: row.message,
      thanks: thanksOf(row),
      createdAt: new Date(row.created_at).toISOString(),
    }));
  }

  @Delete('me/gifts/:id')
  @Endpoint({
    operationId: 'hideGift',
    summary: 'Take a gift I received off my gift wall',
    problems: [404],
  })
  hideGift(@CurrentUser() viewer: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<void> {
    return this.gifts.hide(viewer.id, id);
  }
}
