import { EntityManager } from '@mikro-orm/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { sqlRows, uuidArray } from '../database/sql';
import { compareAndSetModeration, type ModerationState } from '../moderation/moderation-state';
import { ModerationSubjects, type SubjectInfo } from '../moderation/moderation-subjects';
import type { PrivacyLevel } from '../privacy/privacy-level';
import { InteractionsService } from './interactions.service';
import type { PostKind } from './post.entity';
import { PostsService, screenedParts } from './posts.service';

/** Tells moderation how to find and change posts and comments; it never reads these tables itself. */
@Injectable()
export class PostsModeration implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly subjects: ModerationSubjects,
    private readonly posts: PostsService,
    private readonly interactions: InteractionsService,
  ) {}

  onModuleInit(): void {
    this.subjects.register({
      type: 'post',
      describe: (ids) => this.describePosts(ids),
      setState: async (id, from, to, reason) => {
        const changed = await compareAndSetModeration(this.em, 'post', id, from, to, reason);
        if (changed) await this.posts.storyChanged(id, to);
        return changed;
      },
      visibleTo: (viewerId, id) => this.postVisible(viewerId, id),
    });
    this.subjects.register({
      type: 'comment',
      describe: (ids) => this.describeComments(ids),
      setState: (id, from, to, reason) => compareAndSetModeration(this.em, 'comment', id, from, to, reason),
      visibleTo: (viewerId, id) => this.commentVisible(viewerId, id),
    });
  }

  private async describePosts(ids: string[]): Promise<Map<string, SubjectInfo>> {
    if (ids.length === 0) return new Map();
    const rows = await sqlRows<{
      id: string;
      author_id: string;
      kind: PostKind;
      title: string | null;
      body: string;
      privacy: PrivacyLevel;
      moderation: ModerationState;
      moderation_reason: string | null;
    }>(
      this.em,
      `select id, author_id, kind, title, body, privacy, moderation, moderation_reason from post
        where id = any(?::uuid[])`,
      [uuidArray(ids)],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          authorId: row.author_id,
          state: row.moderation,
          reason: row.moderation_reason,
          text: screenedParts(row)
            .map((part) => part.trim())
            .filter((part) => part.length > 0)
            .join('\n'),
          privacy: row.privacy,
        },
      ]),
    );
  }

  private async describeComments(ids: string[]): Promise<Map<string, SubjectInfo>> {
    if (ids.length === 0) return new Map();
    const rows = await sqlRows<{
      id: string;
      post_id: string | null;
      author_id: string;
      body: string;
      moderation: ModerationState;
      moderation_reason: string | null;
    }>(
      this.em,
      `select id, post_id, author_id, body, moderation, moderation_reason from comment where id = any(?::uuid[])`,
      [uuidArray(ids)],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          authorId: row.author_id,
          state: row.moderation,
          reason: row.moderation_reason,
          text: row.body,
          ...(row.post_id ? { postId: row.post_id } : {}),
        },
      ]),
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
