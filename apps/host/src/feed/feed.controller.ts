import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, SessionAuth } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { decodeCursor, PageQuery, pageSize } from '../common/pagination';
import { PostViewsService } from '../posts/post-views.service';
import { PostsService } from '../posts/posts.service';
import { FeedItemResponse, FeedPage } from './dto/feed.dto';
import { FeedRow, FeedService } from './feed.service';

@ApiTags('feed')
@SessionAuth()
@Controller('feed')
export class FeedController {
  constructor(
    private readonly feed: FeedService,
    private readonly posts: PostsService,
    private readonly views: PostViewsService,
  ) {}

  @Get()
  @Endpoint({
    operationId: 'getFeed',
    summary: 'The information center: what my friends and I posted, reposted or commented',
    response: FeedPage,
  })
  async feedPage(@CurrentUser() viewer: AuthUser, @Query() query: PageQuery): Promise<FeedPage> {
    const limit = pageSize(query);
    const after = decodeCursor(query.cursor);
    const render = (rows: FeedRow[]) => this.render(viewer.id, rows);
    if (!after) return this.feed.firstPage(viewer.id, limit, render);
    return this.feed.pageAfter(viewer.id, limit, after, render);
  }

  private async render(
    viewerId: string,
    rows: FeedRow[],
  ): Promise<{ items: FeedItemResponse[]; changeTags: string[] }> {
    const [{ posts, people, changeTags }, comments] = await Promise.all([
      this.views.manyWithPeople(
        viewerId,
        [...new Set(rows.map((row) => row.post_id))],
        rows.map((row) => row.actor_id),
      ),
      this.posts.commentsByIds(rows.flatMap((row) => (row.comment_id ? [row.comment_id] : []))),
    ]);
    const postById = new Map(posts.map((post) => [post.id, post]));
    const commentViews = await this.views.comments(comments);
    const commentById = new Map(commentViews.map((comment) => [comment.id, comment]));
    return {
      items: rows.map((row) => ({
        id: row.id,
        verb: row.verb,
        actor: people.get(row.actor_id)!,
        post: postById.get(row.post_id)!,
        comment: row.comment_id ? (commentById.get(row.comment_id) ?? null) : null,
        createdAt: new Date(row.created_at).toISOString(),
      })),
      // A comment shown changes its post's tag; its author is a person shown.
      changeTags: [...changeTags, ...comments.map((comment) => `user:${comment.author_id}`)],
    };
  }
}
