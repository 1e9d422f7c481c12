import { Body, Controller, Delete, Get, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, SessionAuth, Viewer } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { decodeCursor, PageQuery, pageSize, toPage } from '../common/pagination';
import { Public } from '../common/public.decorator';
import { AlbumViewsService } from './album-views.service';
import { AlbumsService } from './albums.service';
import {
  AlbumPage,
  AlbumResponse,
  CreateAlbumRequest,
  StorageUsageResponse,
  UpdateAlbumRequest,
} from './dto/albums.dto';
import { StorageQuotaService } from './storage-quota.service';

/** Albums and the photo storage they take (their photos: PhotosController). */
@ApiTags('albums')
@SessionAuth()
@Controller()
export class AlbumsController {
  constructor(
    private readonly albums: AlbumsService,
    private readonly quota: StorageQuotaService,
    private readonly views: AlbumViewsService,
  ) {}

  private async albumView(viewerId: string | null, albumId: string): Promise<AlbumResponse> {
    const [view] = await this.views.albums(viewerId, [await this.albums.album(viewerId, albumId)]);
    return view;
  }

  @Post('albums')
  @Endpoint({
    operationId: 'createAlbum',
    summary: 'Create a photo album',
    response: AlbumResponse,
    status: HttpStatus.CREATED,
    problems: [409, 422],
  })
  async createAlbum(
    @CurrentUser() viewer: AuthUser,
    @Body() body: CreateAlbumRequest,
  ): Promise<AlbumResponse> {
    const id = await this.albums.createAlbum(viewer.id, body);
    return this.albumView(viewer.id, id);
  }

  @Get('albums/:albumId')
  @Public()
  @Endpoint({
    operationId: 'getAlbum',
    summary: 'One album, if I may see it',
    response: AlbumResponse,
    problems: [404],
  })
  async getAlbum(
    @Viewer() viewer: AuthUser | null,
    @Param('albumId', ParseIdPipe) albumId: string,
  ): Promise<AlbumResponse> {
    return this.albumView(viewer?.id ?? null, albumId);
  }

  @Patch('albums/:albumId')
  @Endpoint({
    operationId: 'updateAlbum',
    summary: 'Edit my album: title, description, cover, who may see it',
    response: AlbumResponse,
    problems: [404, 422],
  })
  async updateAlbum(
    @CurrentUser() viewer: AuthUser,
    @Param('albumId', ParseIdPipe) albumId: string,
    @Body() body: UpdateAlbumRequest,
  ): Promise<AlbumResponse> {
    await this.albums.updateAlbum(viewer.id, albumId, body);
    return this.albumView(viewer.id, albumId);
  }

  @Delete('albums/:albumId')
  @Endpoint({ operationId: 'deleteAlbum', summary: 'Delete my album and its photos', problems: [404] })
  async deleteAlbum(
    @CurrentUser() viewer: AuthUser,
    @Param('albumId', ParseIdPipe) albumId: string,
  ): Promise<void> {
    await this.albums.deleteAlbum(viewer.id, albumId);
  }

  @Get('users/:userId/albums')
  @Public()
  @Endpoint({
    operationId: 'listUserAlbums',
    summary: "A user's albums that I may see, newest first",
    response: AlbumPage,
    problems: [404],
  })
  async listAlbums(
    @Viewer() viewer: AuthUser | null,
    @Param('userId', ParseIdPipe) userId: string,
    @Query() query: PageQuery,
  ): Promise<AlbumPage> {
    const viewerId = viewer?.id ?? null;
    const limit = pageSize(query);
    const rows = await this.albums.listAlbums(viewerId, userId, limit, decodeCursor(query.cursor));
    const page = toPage(rows, limit, (row) => row.id);
    return {
      items: await this.views.albums(viewerId, await this.albums.albumRows(viewerId, page.items)),
      nextCursor: page.nextCursor,
    };
  }

  @Get('me/storage')
  @Endpoint({
    operationId: 'getMyStorage',
    summary: 'How much photo storage I use and may use',
    response: StorageUsageResponse,
  })
  async storage(@CurrentUser() viewer: AuthUser): Promise<StorageUsageResponse> {
    return this.quota.usage(viewer.id);
  }
}
