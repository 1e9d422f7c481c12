import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import type { AccessContext } from '../oauth/oauth-tokens.service';
import { PostsService } from '../posts/posts.service';
import { lockName } from './advisory-lock';
import type { CreateStoryRequest, StoryPrivacy, StoryResponse } from './dto/open-api.dto';
import { tooManyRequests } from './open-api-problem';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Stories apps post to their user's feed, within a daily quota per user and app. */
@Injectable()
export class StoriesService {
  constructor(
    private readonly em: EntityManager,
    private readonly posts: PostsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async create(access: AccessContext, request: CreateStoryRequest): Promise<StoryResponse> {
    const post = await this.em.transactional(async () => {
      // Concurrent stories of the same user and app count one after another, so none slips past the quota.
      await lockName(this.em, `story-quota:${access.appId}:${access.userId}`);
      const now = this.clock.now().getTime();
      const dayStart = now - (now % DAY_MS);
      const posted = await this.posts.storiesSince(access.userId, access.appId, new Date(dayStart));
      if (posted >= LIMITS.storiesPerUserPerAppPerDay) {
        throw tooManyRequests(
          'quota_exceeded',
          `An app may post ${LIMITS.storiesPerUserPerAppPerDay} stories a day for a user; try again tomorrow (UTC)`,
          Math.ceil((dayStart + DAY_MS - now) / 1000),
        );
      }
      return this.posts.createStory(
        access.userId,
        access.appId,
        request.text,
        { linkUrl: request.linkUrl ?? null, imageUrl: request.imageUrl ?? null },
        { privacy: request.privacy ?? 'friends' },
      );
    });
    return {
      id: post.id,
      text: post.body,
      linkUrl: post.linkUrl ?? null,
      imageUrl: post.imageUrl ?? null,
      privacy: post.privacy as StoryPrivacy,
      state: post.moderation === 'held' ? 'held' : 'published',
      createdAt: post.createdAt.toISOString(),
    };
  }
}
