import { Injectable } from '@nestjs/common';

/** What a person did with a post: wrote it, reposted another, or commented on it. */
export type PostActivityVerb = 'posted' | 'reposted' | 'commented';

export interface PostActivity {
  actorId: string;
  verb: PostActivityVerb;
  postId: string;
  /** The comment of a `commented` activity. */
  commentId?: string;
}

type PostActivityListener = (activity: PostActivity) => void;

/**
 * Where posts tell what people did with them, inside the transaction that does it (the feed records
 * it there). The feed listens from start-up, so posts does not depend on the feed.
 */
@Injectable()
export class PostActivities {
  private readonly listeners: PostActivityListener[] = [];

  listen(listener: PostActivityListener): void {
    this.listeners.push(listener);
  }

  /** Tells every listener, synchronously: what they write joins the caller's unit of work. */
  tell(activity: PostActivity): void {
    for (const listener of this.listeners) listener(activity);
  }
}
