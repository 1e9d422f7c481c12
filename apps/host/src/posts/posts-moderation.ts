import { Injectable, OnModuleInit } from '@nestjs/common';
import { describeSubjects, ModerationSubjects, type SubjectInfo } from '../moderation/moderation-subjects';
import { InteractionsRepository } from './interactions.repository';
import { InteractionsService } from './interactions.service';
import { PostStoriesService } from './post-stories.service';
import { PostsRepository } from './posts.repository';
import { PostsService, screenedParts } from './posts.service';

/** Tells moderation how to find and change posts and comments; it never reads these tables itself. */
@Injectable()
export class PostsModeration implements OnModuleInit {
  constructor(
    private readonly subjects: ModerationSubjects,
    private readonly repository: PostsRepository,
    private readonly comments: InteractionsRepository,
    private readonly posts: PostsService,
    private readonly stories: PostStoriesService,
    private readonly interactions: InteractionsService,
  ) {}

  onModuleInit(): void {
    this.subjects.register({
      type: 'post',
      describe: (ids) => this.describePosts(ids),
      setState: async (id, from, to, reason) => {
        const changed = await this.repository.setModeration(id, from, to, reason);
        if (changed) await this.stories.storyChanged(id, to);
        return changed;
      },
      visibleTo: (viewerId, id) => this.postVisible(viewerId, id),
    });
    this.subjects.register({
      type: 'comment',
      describe: (ids) => this.describeComments(ids),
      setState: (id, from, to, reason) => this.comments.setCommentModeration(id, from, to, reason),
      visibleTo: (viewerId, id) => this.commentVisible(viewerId, id),
    });
  }

  private describePosts(ids: string[]): Promise<Map<string, SubjectInfo>> {
    return describeSubjects(
      ids,
      (wanted) => this.repository.subjects(wanted),
      (row) => ({
        authorId: row.author_id,
        text: screenedParts(row)
          .map((part) => part.trim())
          .filter((part) => part.length > 0)
          .join('\n'),
        privacy: row.privacy,
      }),
    );
  }

  private describeComments(ids: string[]): Promise<Map<string, SubjectInfo>> {
    return describeSubjects(
      ids,
      (wanted) => this.comments.commentSubjects(wanted),
      (row) => ({
        authorId: row.author_id,
        text: row.body,
        ...(row.post_id ? { postId: row.post_id } : {}),
      }),
    );
  }

  private async postVisible(viewerId: string, postId: string): Promise<boolean> {
    return (await this.posts.visibleIds(viewerId, [postId])).has(postId);
  }

  /** A comment is visible when its post or photo is and the moderation rule lets the viewer see it. */
  private commentVisible(viewerId: string, commentId: string): Promise<boolean> {
    return this.interactions.commentVisible(viewerId, commentId);
  }
}
