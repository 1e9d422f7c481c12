import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { FeedEntry, FeedVerb } from './feed-entry.entity';

/**
 * Writes what users did into the feed, inside the caller's transaction. Kept apart from the feed
 * reader, which needs the posts module, so that posts can record entries without a cycle.
 */
@Injectable()
export class FeedEntriesService {
  constructor(
    private readonly em: EntityManager,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  record(actorId: string, verb: FeedVerb, postId: string, commentId?: string): void {
    this.em.persist(
      this.em.create(FeedEntry, {
        actorId,
        verb,
        postId,
        commentId: commentId ?? null,
        createdAt: this.clock.now(),
      }),
    );
  }
}

@Module({ providers: [FeedEntriesService], exports: [FeedEntriesService] })
export class FeedEntriesModule {}
