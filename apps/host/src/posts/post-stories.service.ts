import { Injectable } from '@nestjs/common';
import type { ModerationState } from '../moderation/moderation-state';
import { type AppStory, PostsRepository } from './posts.repository';

export type { AppStory } from './posts.repository';

/** What became of an app's story: its moderation state now, or deleted by its author. */
export type StoryChange = { story: AppStory; state: ModerationState | 'deleted' };
type StoryListener = (change: StoryChange) => Promise<void>;

/**
 * The stories apps post for their users (PostsService.createStory writes them) as the apps see them:
 * one story, how many a user posted through an app, and what becomes of each.
 */
@Injectable()
export class PostStoriesService {
  /** Told in the transaction of every change to an app's story (the Open API tells the app). */
  private readonly storyListeners: StoryListener[] = [];

  constructor(private readonly repository: PostsRepository) {}

  onStoryChange(listener: StoryListener): void {
    this.storyListeners.push(listener);
  }

  /** The story an app posted, or null when the post is none (or not the app's, or not the user's). */
  appStory(postId: string, only?: { appId: string; authorId: string }): Promise<AppStory | null> {
    return this.repository.appStory(postId, only);
  }

  /** How many stories the app posted for the user since `since` (its daily quota counts these). */
  storiesSince(authorId: string, appId: string, since: Date): Promise<number> {
    return this.repository.storiesSince(authorId, appId, since);
  }

  /**
   * Tells the listeners what became of a post if it is an app's story (a moderation decision, or its
   * author deleting it); call inside the change's transaction, before a deletion.
   */
  async storyChanged(postId: string, state: StoryChange['state']): Promise<void> {
    if (this.storyListeners.length === 0) return;
    const story = await this.appStory(postId);
    if (!story) return;
    for (const listener of this.storyListeners) await listener({ story, state });
  }
}
