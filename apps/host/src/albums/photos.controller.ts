import {
  Body,
  Controller,
  Delete,
  Get,
  HttpStatus,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, SessionAuth, Viewer } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { LIMITS } from '../common/limits';
import { decodeCursor, PageQuery, pageSize, toPage } from '../common/pagination';
import { Public } from '../common/public.decorator';
import { CreateCommentRequest, LikeResponse } from '../posts/dto/posts.dto';
import { InteractionsService } from '../posts/interactions.service';
import { AlbumViewsService } from './album-views.service';
import {
  PhotoCommentPage,
  PhotoCommentResponse,
  PhotoFileQuery,
  PhotoPage,
  PhotoResponse,
  PhotoTextFields,
  UpdatePhotoRequest,
  UPLOAD_BODY_SCHEMA,
} from './dto/albums.dto';
import { ApiImageResponse, imageFile, imageUploadInterceptor, requireFile } from '../images/image-http';
import { CONTENT_TYPES } from '../images/image-processing';
import { PhotosService } from './photos.service';

/** A photo and its two text fields (title, description). */
const uploadInterceptor = imageUploadInterceptor(LIMITS.photoFileBytes, 2);

const PHOTO_CACHE_SECONDS = 300;

/** Photos of albums and moods: uploads, their files, and their comments and likes. */
@ApiTags('albums')
@SessionAuth()
@Controller()
export class PhotosController {
  constructor(
    private readonly photos: PhotosService,
    private readonly views: AlbumViewsService,
    private readonly interactions: InteractionsService,
  ) {}

  private async photoView(viewerId: string | null, photoId: string): Promise<PhotoResponse> {
    const [view] = this.views.photos(viewerId, [await this.photos.photo(viewerId, photoId)]);
    return view;
  }

  // ── photos ───────────────────────────────────────────────────────────────

  @Post('albums/:albumId/photos')
  @UseInterceptors(uploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA })
  @Endpoint({
    operationId: 'uploadPhoto',
    summary: 'Upload a photo (JPEG, PNG, WebP or GIF) to my album',
    response: PhotoResponse,
    status: HttpStatus.CREATED,
    problems: [404, 409, 413, 415, 422],
  })
  async upload(
    @CurrentUser() viewer: AuthUser,
    @Param('albumId', ParseIdPipe) albumId: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: PhotoTextFields,
  ): Promise<PhotoResponse> {
    const id = await this.photos.upload(viewer.id, albumId, requireFile(file), body);
    return this.photoView(viewer.id, id);
  }

  @Post('photos')
  @UseInterceptors(uploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA })
  @Endpoint({
    operationId: 'uploadMoodPhoto',
    summary: 'Upload a photo for a mood (only I see it until a mood carries it, via photoIds)',
    response: PhotoResponse,
    status: HttpStatus.CREATED,
    problems: [413, 415, 422],
  })
  async uploadForMood(
    @CurrentUser() viewer: AuthUser,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: PhotoTextFields,
  ): Promise<PhotoResponse> {
    const id = await this.photos.upload(viewer.id, null, requireFile(file), body);
    return this.photoView(viewer.id, id);
  }

  @Get('photos/:photoId')
  @Public()
  @Endpoint({
    operationId: 'getPhoto',
    summary: 'One photo, if I may see it',
    response: PhotoResponse,
    problems: [404],
  })
  async getPhoto(
    @Viewer() viewer: AuthUser | null,
    @Param('photoId', ParseIdPipe) photoId: string,
  ): Promise<PhotoResponse> {
    return this.photoView(viewer?.id ?? null, photoId);
  }

  @Patch('photos/:photoId')
  @Endpoint({
    operationId: 'updatePhoto',
    summary: "Edit my photo's title or description",
    response: PhotoResponse,
    problems: [404, 422],
  })
  async updatePhoto(
    @CurrentUser() viewer: AuthUser,
    @Param('photoId', ParseIdPipe) photoId: string,
    @Body() body: UpdatePhotoRequest,
  ): Promise<PhotoResponse> {
    await this.photos.updatePhoto(viewer.id, photoId, body);
    return this.photoView(viewer.id, photoId);
  }

  @Delete('photos/:photoId')
  @Endpoint({ operationId: 'deletePhoto', summary: 'Delete my photo and free its storage', problems: [404] })
  async deletePhoto(
    @CurrentUser() viewer: AuthUser,
    @Param('photoId', ParseIdPipe) photoId: string,
  ): Promise<void> {
    await this.photos.deletePhoto(viewer.id, photoId);
  }

  /**
   * A checked route rather than signed URLs: every request goes through the privacy rule, so a
   * photo made private stops opening at once; the session cookie makes it work in <img> tags.
   */
  @Get('photos/:photoId/file')
  @Public()
  @ApiImageResponse('The image; Content-Type from its recognised format', Object.values(CONTENT_TYPES))
  @Endpoint({
    operationId: 'getPhotoFile',
    summary: 'The image file of a photo I may see (thumb, web or original size)',
    status: HttpStatus.OK,
    problems: [404],
  })
  async file(
    @Viewer() viewer: AuthUser | null,
    @Param('photoId', ParseIdPipe) photoId: string,
    @Query() query: PhotoFileQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.photos.file(viewer?.id ?? null, photoId, query.size ?? 'web');
    // Shared caches may keep only what anyone may see; the rest is cached by the viewer's browser alone.
    const cacheControl = `${file.isPublic ? 'public' : 'private'}, max-age=${PHOTO_CACHE_SECONDS}`;
    return imageFile(response, file.data, file.contentType, cacheControl);
  }

  @Get('albums/:albumId/photos')
  @Public()
  @Endpoint({
    operationId: 'listAlbumPhotos',
    summary: "An album's photos, newest first",
    response: PhotoPage,
    problems: [404],
  })
  async listPhotos(
    @Viewer() viewer: AuthUser | null,
    @Param('albumId', ParseIdPipe) albumId: string,
    @Query() query: PageQuery,
  ): Promise<PhotoPage> {
    const viewerId = viewer?.id ?? null;
    const limit = pageSize(query);
    const rows = await this.photos.listPhotos(viewerId, albumId, limit, decodeCursor(query.cursor));
    const page = toPage(rows, limit, (row) => row);
    return { items: this.views.photos(viewerId, page.items), nextCursor: page.nextCursor };
  }

  // ── comments and likes (the same interactions as posts) ─────────────────

  @Get('photos/:photoId/comments')
  @Public()
  @Endpoint({
    operationId: 'listPhotoComments',
    summary: 'Comments on a photo, newest first',
    response: PhotoCommentPage,
    problems: [404],
  })
  async comments(
    @Viewer() viewer: AuthUser | null,
    @Param('photoId', ParseIdPipe) photoId: string,
    @Query() query: PageQuery,
  ): Promise<PhotoCommentPage> {
    const limit = pageSize(query);
    const rows = await this.interactions.listComments(
      viewer?.id ?? null,
      'photo',
      photoId,
      limit,
      decodeCursor(query.cursor),
    );
    const page = toPage(rows, limit, (row) => row);
    return { items: await this.views.comments(page.items), nextCursor: page.nextCursor };
  }

  @Post('photos/:photoId/comments')
  @Endpoint({
    operationId: 'createPhotoComment',
    summary: 'Comment on a photo, or reply to a comment',
    response: PhotoCommentResponse,
    status: HttpStatus.CREATED,
    problems: [403, 404, 422],
  })
  async comment(
    @CurrentUser() viewer: AuthUser,
    @Param('photoId', ParseIdPipe) photoId: string,
    @Body() body: CreateCommentRequest,
  ): Promise<PhotoCommentResponse> {
    const comment = await this.interactions.addComment(viewer.id, 'photo', photoId, body.body, body.parentId);
    const [view] = await this.views.comments(await this.interactions.commentsByIds([comment.id]));
    return view;
  }

  @Delete('photos/:photoId/comments/:commentId')
  @Endpoint({
    operationId: 'deletePhotoComment',
    summary: 'Delete my comment, or one on my photo',
    problems: [404],
  })
  async deleteComment(
    @CurrentUser() viewer: AuthUser,
    @Param('photoId', ParseIdPipe) photoId: string,
    @Param('commentId', ParseIdPipe) commentId: string,
  ): Promise<void> {
    await this.interactions.deleteComment(viewer.id, 'photo', photoId, commentId);
  }

  @Put('photos/:photoId/like')
  @Endpoint({
    operationId: 'likePhoto',
    summary: 'Like a photo (liking twice is one like)',
    response: LikeResponse,
    problems: [403, 404],
  })
  async like(
    @CurrentUser() viewer: AuthUser,
    @Param('photoId', ParseIdPipe) photoId: string,
  ): Promise<LikeResponse> {
    return { liked: true, likeCount: await this.interactions.like(viewer.id, 'photo', photoId) };
  }

  @Delete('photos/:photoId/like')
  @Endpoint({
    operationId: 'unlikePhoto',
    summary: 'Take my like back',
    response: LikeResponse,
    problems: [404],
  })
  async unlike(
    @CurrentUser() viewer: AuthUser,
    @Param('photoId', ParseIdPipe) photoId: string,
  ): Promise<LikeResponse> {
    return { liked: false, likeCount: await this.interactions.unlike(viewer.id, 'photo', photoId) };
  }
}
