import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Keyset, keysetCondition } from '../common/pagination';
import { sqlRows, sqlRun, uuidArray } from '../database/sql';
import { compareAndSetModeration } from '../database/moderation-columns';
import type { ModerationState } from '../moderation/moderation-state';
import { moderatedCondition } from '../privacy/privacy.fragments';
import { Comment } from './comment.entity';
import { COMMENTABLE_TABLES, commentColumns, type CommentableType, likeCountSql } from './posts.fragments';

export interface CommentRow {
  id: string;
  post_id: string | null;
  photo_id: string | null;
  author_id: string;
  parent_id: string | null;
  body: string;
  created_at: Date;
  moderation: ModerationState;
  moderation_reason: string | null;
}

/** What moderation reads of a comment. */
export interface CommentSubjectRow {
  id: string;
  post_id: string | null;
  author_id: string;
  body: string;
  moderation: ModerationState;
  moderation_reason: string | null;
}

/** The item a comment is on: a post or a photo. */
export type CommentTarget = { postId: string } | { photoId: string };

const COMMENT_FIELDS =
  'c.id, c.post_id, c.photo_id, c.author_id, c.parent_id, c.body, c.created_at, c.moderation, c.moderation_reason';

/** SQL of comments and likes (comment, post_like, photo_like) for InteractionsService. */
@Injectable()
export class InteractionsRepository {
  constructor(private readonly em: EntityManager) {}

  /** The comment with this id on this item, if any. */
  findComment(commentId: string, on: CommentTarget): Promise<Comment | null> {
    return this.em.findOne(Comment, { id: commentId, ...on });
  }

  /** Stores a new comment now (moderation's queue and notifications refer to it). */
  async insertComment(fields: {
    on: CommentTarget;
    authorId: string;
    parentId: string | null;
    body: string;
    moderation: ModerationState;
    createdAt: Date;
  }): Promise<Comment> {
    const comment = this.em.create(Comment, {
      postId: null,
      photoId: null,
      ...fields.on,
      authorId: fields.authorId,
      parentId: fields.parentId,
      body: fields.body,
      moderation: fields.moderation,
      createdAt: fields.createdAt,
    });
    this.em.persist(comment);
    await this.em.flush();
    return comment;
  }

  /** The item's comments the viewer may see, newest first; one more than `limit`. */
  listComments(
    viewerId: string | null,
    item: { type: CommentableType; id: string },
    limit: number,
    after: Keyset | undefined,
  ): Promise<CommentRow[]> {
    const keyset = keysetCondition('c', after);
    const visible = moderatedCondition(viewerId, commentColumns('c'));
    return sqlRows<CommentRow>(
      this.em,
      `select ${COMMENT_FIELDS} from comment c
        where c.${COMMENTABLE_TABLES[item.type].commentColumn} = ? and ${keyset.sql} and ${visible.sql}
        order by c.created_at desc, c.id desc limit ?`,
      [item.id, ...keyset.params, ...visible.params, limit + 1],
    );
  }

  commentsByIds(ids: string[]): Promise<CommentRow[]> {
    return sqlRows<CommentRow>(
      this.em,
      `select ${COMMENT_FIELDS} from comment c where c.id = any(?::uuid[])`,
      [uuidArray(ids)],
    );
  }

  /** Deletes a comment; its replies go with it. */
  async deleteComment(commentId: string): Promise<void> {
    await sqlRun(this.em, 'delete from comment where id = ?', [commentId]);
  }

  /** What moderation shows of the given comments. */
  commentSubjects(ids: string[]): Promise<CommentSubjectRow[]> {
    return sqlRows<CommentSubjectRow>(
      this.em,
      `select id, post_id, author_id, body, moderation, moderation_reason from comment where id = any(?::uuid[])`,
      [uuidArray(ids)],
    );
  }

  /** Moves a comment from one moderation state to another, if it is still in the first. */
  setCommentModeration(
    commentId: string,
    from: ModerationState,
    to: ModerationState,
    reason: string | null,
  ): Promise<boolean> {
    return compareAndSetModeration(this.em, 'comment', commentId, from, to, reason);
  }

  /** Records a like; returns 0 when the user already liked the item (the primary key decides). */
  insertLike(type: CommentableType, itemId: string, userId: string, now: Date): Promise<number> {
    const { likeTable, likeColumn } = COMMENTABLE_TABLES[type];
    return sqlRun(
      this.em,
      `insert into ${likeTable} (${likeColumn}, user_id, created_at) values (?, ?, ?) on conflict do nothing`,
      [itemId, userId, now],
    );
  }

  async deleteLike(type: CommentableType, itemId: string, userId: string): Promise<void> {
    const { likeTable, likeColumn } = COMMENTABLE_TABLES[type];
    await sqlRun(this.em, `delete from ${likeTable} where ${likeColumn} = ? and user_id = ?`, [
      itemId,
      userId,
    ]);
  }

  async likeCount(type: CommentableType, itemId: string): Promise<number> {
    const [row] = await sqlRows<{ count: number }>(this.em, `select ${likeCountSql(type, '?')} as count`, [
      itemId,
    ]);
    return row.count;
  }
}
