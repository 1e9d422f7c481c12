import { Injectable } from '@nestjs/common';
import { LIMITS } from '../common/limits';
import { type Keyset, toPage } from '../common/pagination';
import { type ChangeCache, ChangeFeed } from '../database/change-feed';
import type { PostKind } from './post.entity';
import { PostViewsService } from './post-views.service';
import { PostsService } from './posts.service';
import type { PostPage } from './dto/posts.dto';

/**
 * A person's posts as a viewer sees them on their space, page by page. The first page, the one every
 * visitor opens, is kept as shown until the database announces a change of what it was made from
 * (Migration20261206090000_feed_change_notifications): the author's posts, their privacy and chosen
 * groups (`feed:<author>`), the author's account (`user:`), a suspension (`feed:*`), the viewer's friends
 * and friend groups, and what the page shows of posts, people and apps.
 */
@Injectable()
export class AuthorPagesService {
  private readonly firstPages: ChangeCache<PostPage>;

  constructor(
    private readonly posts: PostsService,
    private readonly views: PostViewsService,
    changes: ChangeFeed,
  ) {
    this.firstPages = changes.cache("first pages of people's posts", LIMITS.firstAuthorPagesCached);
  }

  async page(
    viewerId: string | null,
    authorId: string,
    limit: number,
    after: Keyset | undefined,
    kind: PostKind | undefined,
  ): Promise<PostPage> {
    if (after) return (await this.read(viewerId, authorId, limit, after, kind)).page;
    const page = await this.firstPages.read(`${viewerId}:${authorId}:${limit}:${kind}`, async () => {
      const { page, changeTags } = await this.read(viewerId, authorId, limit, undefined, kind);
      const viewerTags = viewerId ? [`friends:${viewerId}`, `groups:${viewerId}`] : [];
      return {
        value: page,
        tags: [...viewerTags, `feed:${authorId}`, `user:${authorId}`, 'feed:*', ...changeTags],
      };
    });
    return page!;
  }

  private async read(
    viewerId: string | null,
    authorId: string,
    limit: number,
    after: Keyset | undefined,
    kind: PostKind | undefined,
  ): Promise<{ page: PostPage; changeTags: string[] }> {
    const rows = await this.posts.listByAuthor(viewerId, authorId, limit, after, kind);
    const page = toPage(rows, limit, (row) => row.id);
    const { posts, changeTags } = await this.views.manyWithPeople(viewerId, page.items, []);
    return { page: { items: posts, nextCursor: page.nextCursor }, changeTags };
  }
}
