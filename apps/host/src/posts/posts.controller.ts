import { Body, Controller, Delete, Get, HttpStatus, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, SessionAuth, Viewer } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { decodeCursor, PageQuery, pageSize, toPage } from '../common/pagination';
import { Public } from '../common/public.decorator';
import {
  CommentPage,
  CommentResponse,
  CreateBlogRequest,
  CreateCommentRequest,
  CreateMoodRequest,
  CreateRepostRequest,
  LikeResponse,
  PostListQuery,
  PostPage,
  PostResponse,
  UpdatePostRequest,
} from './dto/posts.dto';
import { AuthorPagesService } from './author-pages.service';
import { PostViewsService } from './post-views.service';
import { PostsService } from './posts.service';

@ApiTags('posts')
@SessionAuth()
@Controller()
export class PostsController {
  constructor(
    private readonly posts: PostsService,
    private readonly views: PostViewsService,
    private readonly authorPages: AuthorPagesService,
  ) {}

  @Post('moods')
  @Endpoint({
    operationId: 'createMood',
    summary: 'Post a mood (shuoshuo)',
    response: PostResponse,
    status: HttpStatus.CREATED,
    problems: [422],
  })
  async createMood(@CurrentUser() viewer: AuthUser, @Body() body: CreateMoodRequest): Promise<PostResponse> {
    const post = await this.posts.createMood(viewer.id, body.text, body, body.photoIds);
    return this.views.post(viewer.id, post.id);
  }

  @Post('blogs')
  @Endpoint({
    operationId: 'createBlog',
    summary: 'Publish a blog',
    response: PostResponse,
    status: HttpStatus.CREATED,
    problems: [422],
  })
  async createBlog(@CurrentUser() viewer: AuthUser, @Body() body: CreateBlogRequest): Promise<PostResponse> {
    const post = await this.posts.createBlog(viewer.id, body.title, body.body, body);
    return this.views.post(viewer.id, post.id);
  }

  @Post('posts/:postId/reposts')
  @Endpoint({
    operationId: 'repost',
    summary: 'Repost a post I can see, with a comment',
    response: PostResponse,
    status: HttpStatus.CREATED,
    problems: [403, 404, 422],
  })
  async repost(
    @CurrentUser() viewer: AuthUser,
    @Param('postId', ParseIdPipe) postId: string,
    @Body() body: CreateRepostRequest,
  ): Promise<PostResponse> {
    const post = await this.posts.repost(viewer.id, postId, body.text, body);
    return this.views.post(viewer.id, post.id);
  }

  @Get('posts/:postId')
  @Public()
  @Endpoint({
    operationId: 'getPost',
    summary: 'One post, if I may see it',
    response: PostResponse,
    problems: [404],
  })
  async get(
    @Viewer() viewer: AuthUser | null,
    @Param('postId', ParseIdPipe) postId: string,
  ): Promise<PostResponse> {
    await this.posts.visible(viewer?.id ?? null, postId);
    return this.views.post(viewer?.id ?? null, postId);
  }

  @Patch('posts/:postId')
  @Endpoint({
    operationId: 'updatePost',
    summary: 'Edit my post or change who may see it',
    response: PostResponse,
    problems: [404, 422],
  })
  async update(
    @CurrentUser() viewer: AuthUser,
    @Param('postId', ParseIdPipe) postId: string,
    @Body() body: UpdatePostRequest,
  ): Promise<PostResponse> {
    await this.posts.update(viewer.id, postId, body);
    return this.views.post(viewer.id, postId);
  }

  @Delete('posts/:postId')
  @Endpoint({ operationId: 'deletePost', summary: 'Delete my post', problems: [404] })
  async delete(@CurrentUser() viewer: AuthUser, @Param('postId', ParseIdPipe) postId: string): Promise<void> {
    await this.posts.delete(viewer.id, postId);
  }

  @Get('users/:userId/posts')
  @Public()
  @Endpoint({
    operationId: 'listUserPosts',
    summary: "A user's posts that I may see, newest first",
    response: PostPage,
    problems: [404],
  })
  async listByAuthor(
    @Viewer() viewer: AuthUser | null,
    @Param('userId', ParseIdPipe) userId: string,
    @Query() query: PostListQuery,
  ): Promise<PostPage> {
    return this.authorPages.page(
      viewer?.id ?? null,
      userId,
      pageSize(query),
      decodeCursor(query.cursor),
      query.kind,
    );
  }

  @Get('posts/:postId/comments')
  @Public()
  @Endpoint({
    operationId: 'listComments',
    summary: 'Comments on a post, newest first',
    response: CommentPage,
    problems: [404],
  })
  async comments(
    @Viewer() viewer: AuthUser | null,
    @Param('postId', ParseIdPipe) postId: string,
    @Query() query: PageQuery,
  ): Promise<CommentPage> {
    const limit = pageSize(query);
    const rows = await this.posts.listComments(viewer?.id ?? null, postId, limit, decodeCursor(query.cursor));
    const page = toPage(rows, limit, (row) => row);
    return { items: await this.views.comments(page.items), nextCursor: page.nextCursor };
  }

  @Post('posts/:postId/comments')
  @Endpoint({
    operationId: 'createComment',
    summary: 'Comment on a post, or reply to a comment',
    response: CommentResponse,
    status: HttpStatus.CREATED,
    problems: [403, 404, 422],
  })
  async comment(
    @CurrentUser() viewer: AuthUser,
    @Param('postId', ParseIdPipe) postId: string,
    @Body() body: CreateCommentRequest,
  ): Promise<CommentResponse> {
    const comment = await this.posts.addComment(viewer.id, postId, body.body, body.parentId);
    const [view] = await this.views.comments([
      {
        id: comment.id,
        post_id: comment.postId ?? null,
        photo_id: null,
        author_id: comment.authorId,
        parent_id: comment.parentId ?? null,
        body: comment.body,
        created_at: comment.createdAt,
        moderation: comment.moderation,
        moderation_reason: comment.moderationReason ?? null,
      },
    ]);
    return view;
  }

  @Delete('posts/:postId/comments/:commentId')
  @Endpoint({
    operationId: 'deleteComment',
    summary: 'Delete my comment, or one on my post',
    problems: [404],
  })
  async deleteComment(
    @CurrentUser() viewer: AuthUser,
    @Param('postId', ParseIdPipe) postId: string,
    @Param('commentId', ParseIdPipe) commentId: string,
  ): Promise<void> {
    await this.posts.deleteComment(viewer.id, postId, commentId);
  }

  @Put('posts/:postId/like')
  @Endpoint({
    operationId: 'likePost',
    summary: 'Like a post (liking twice is one like)',
    response: LikeResponse,
    problems: [403, 404],
  })
  async like(
    @CurrentUser() viewer: AuthUser,
    @Param('postId', ParseIdPipe) postId: string,
  ): Promise<LikeResponse> {
    return { liked: true, likeCount: await this.posts.like(viewer.id, postId) };
  }

  @Delete('posts/:postId/like')
  @Endpoint({
    operationId: 'unlikePost',
    summary: 'Take my like back',
    response: LikeResponse,
    problems: [404],
  })
  async unlike(
    @CurrentUser() viewer: AuthUser,
    @Param('postId', ParseIdPipe) postId: string,
  ): Promise<LikeResponse> {
    return { liked: false, likeCount: await this.posts.unlike(viewer.id, postId) };
  }
}
