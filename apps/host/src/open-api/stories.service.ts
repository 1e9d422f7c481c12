import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { EventsService } from '../events/events.service';
import type { AccessContext } from '../oauth/oauth-tokens.service';
import { PostsService } from '../posts/posts.service';
import { spendDailyQuota } from './daily-quota';
import type { CreateStoryRequest, StoryPrivacy, StoryResponse } from './dto/open-api.dto';

/** Stories apps post to their user's feed, within a daily quota per user and app. */
@Injectable()
export class StoriesService {
  constructor(
    private readonly em: EntityManager,
    private readonly posts: PostsService,
    private readonly events: EventsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async create(access: AccessContext, request: CreateStoryRequest): Promise<StoryResponse> {
    const post = await this.em.transactional(async () => {
      await spendDailyQuota(this.em, this.clock, {
        name: `stories:${access.appId}:${access.userId}`,
        limit: LIMITS.storiesPerUserPerAppPerDay,
        usedSince: (dayStart) => this.posts.storiesSince(access.userId, access.appId, dayStart),
        what: `An app may post ${LIMITS.storiesPerUserPerAppPerDay} stories a day for a user`,
      });
      const story = await this.posts.createStory(
        access.userId,
        access.appId,
        request.text,
        { linkUrl: request.linkUrl ?? null, imageUrl: request.imageUrl ?? null },
        { privacy: request.privacy ?? 'friends' },
      );
      // A story held for review is not published yet, so the app hears nothing of it now.
      if (story.moderation === 'published') {
        await this.events.publish(
          access.appId,
          'post.created',
          {
            postId: story.id,
            author: access.openid,
            text: story.body,
            linkUrl: story.linkUrl ?? null,
            imageUrl: story.imageUrl ?? null,
            privacy: story.privacy,
          },
          access.userId,
        );
      }
      return story;
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
