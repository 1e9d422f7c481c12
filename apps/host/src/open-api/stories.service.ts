import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AuthorizationsService } from '../apps/authorizations.service';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { notFound } from '../common/problem';
import { EventsService } from '../events/events.service';
import type { AccessContext } from '../access-context/access-context';
import { type AppStory, PostStoriesService, type StoryChange } from '../posts/post-stories.service';
import { PostsService } from '../posts/posts.service';
import { appUserQuota, type DailyQuota, spendDailyQuota } from './daily-quota';
import type { CreateStoryRequest, StoryPrivacy, StoryResponse } from './dto/open-api.dto';

/**
 * Stories apps post to their user's feed, within a daily quota per user and app. The app hears what
 * becomes of each one, in the transaction that decided it: `post.held` while a moderator looks at it,
 * `post.created` once it is published (at once, or when approved), `post.removed` when it is rejected,
 * taken down or deleted by its author.
 */
@Injectable()
export class StoriesService implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly posts: PostsService,
    private readonly stories: PostStoriesService,
    private readonly events: EventsService,
    private readonly authorizations: AuthorizationsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.stories.onStoryChange((change) => this.tell(change));
  }

  async create(access: AccessContext, request: CreateStoryRequest): Promise<StoryResponse> {
    const story = await this.em.transactional(async () => {
      await spendDailyQuota(this.em, this.clock, this.quota(access));
      const post = await this.posts.createStory(
        access.userId,
        access.appId,
        request.text,
        { linkUrl: request.linkUrl ?? null, imageUrl: request.imageUrl ?? null },
        { privacy: request.privacy ?? 'friends' },
      );
      const created = (await this.stories.appStory(post.id))!;
      await this.tell({ story: created, state: created.moderation }, access.openid);
      return created;
    });
    return storyResponse(story);
  }

  /** The stories this app may post for the token's user a day, counted as posting spends them. */
  quota(access: AccessContext): DailyQuota {
    return appUserQuota(
      access,
      { things: 'stories', verb: 'post', limit: LIMITS.storiesPerUserPerAppPerDay },
      (dayStart) => this.stories.storiesSince(access.userId, access.appId, dayStart),
    );
  }

  /** One of the stories this app posted for the token's user, with what moderation made of it. */
  async get(access: AccessContext, storyId: string): Promise<StoryResponse> {
    const story = await this.stories.appStory(storyId, { appId: access.appId, authorId: access.userId });
    if (!story) throw notFound('Story');
    return storyResponse(story);
  }

  private async tell({ story, state }: StoryChange, openid?: string): Promise<void> {
    const author = openid ?? (await this.authorizations.openidFor(story.appId, story.authorId));
    const data = {
      postId: story.id,
      author,
      text: story.body,
      linkUrl: story.linkUrl,
      imageUrl: story.imageUrl,
      privacy: story.privacy,
    };
    if (state === 'published') await this.events.publish(story.appId, 'post.created', data, story.authorId);
    else if (state === 'held') await this.events.publish(story.appId, 'post.held', data, story.authorId);
    else {
      await this.events.publish(
        story.appId,
        'post.removed',
        { postId: story.id, author, reason: state },
        story.authorId,
      );
    }
  }
}

function storyResponse(story: AppStory): StoryResponse {
  return {
    id: story.id,
    text: story.body,
    linkUrl: story.linkUrl,
    imageUrl: story.imageUrl,
    privacy: story.privacy as StoryPrivacy,
    state: story.moderation,
    createdAt: story.createdAt.toISOString(),
  };
}
