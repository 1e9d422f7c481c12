import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, SessionAuth } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { decodeCursor, PageQuery, pageSize, toPage } from '../common/pagination';
import { PostViewsService } from '../posts/post-views.service';
import { PostsService } from '../posts/posts.service';
import { FeedPage } from './dto/feed.dto';
import { FeedService } from './feed.service';

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
    const rows = await this.feed.page(viewer.id, limit, decodeCursor(query.cursor));
    const page = toPage(rows, limit, (row) => row);
    const [{ posts, people }, comments] = await Promise.all([
      this.views.manyWithPeople(
        viewer.id,
        [...new Set(page.items.map((row) => row.post_id))],
        page.items.map((row) => row.actor_id),
      ),
      this.posts.commentsByIds(page.items.flatMap((row) => (row.comment_id ? [row.comment_id] : []))),
    ]);
    const postById = new Map(posts.map((post) => [post.id, post]));
    const commentViews = await this.views.comments(comments);
    const commentById = new Map(commentViews.map((comment) => [comment.id, comment]));
    return {
      items: page.items.map((row) => ({
        id: row.id,
        verb: row.verb,
        actor: people.get(row.actor_id)!,
        post: postById.get(row.post_id)!,
        comment: row.comment_id ? (commentById.get(row.comment_id) ?? null) : null,
        createdAt: new Date(row.created_at).toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }
}
