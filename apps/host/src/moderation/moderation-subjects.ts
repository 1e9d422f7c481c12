import { Injectable } from '@nestjs/common';
import { notFound } from '../common/problem';
import type { PrivacyLevel } from '../common/privacy-level';
import type { ModerationState } from './moderation-state';

/** The kinds of content under moderation. */
export const SUBJECT_TYPES = ['post', 'comment', 'board_message', 'album', 'photo'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** The kinds of content users may report. */
export const REPORTABLE_TYPES = ['post', 'comment', 'photo'] as const satisfies readonly SubjectType[];
export type ReportableType = (typeof REPORTABLE_TYPES)[number];

/** One item of content, as a reviewer sees it. */
export interface SubjectInfo {
  id: string;
  authorId: string;
  state: ModerationState;
  reason: string | null;
  /** The text that was screened, as the author wrote it (blog HTML reduced to text). */
  text: string;
  /** Where the item lives: the post a comment belongs to, the space a board message is on. */
  postId?: string;
  spaceOwnerId?: string;
  /** Who the item is shared with, for content that has its own privacy (posts). */
  privacy?: PrivacyLevel;
}

/** The columns every moderated table has, as a subject's repository reads them. */
export interface ModeratedRow {
  id: string;
  moderation: ModerationState;
  moderation_reason: string | null;
}

/**
 * A handler's `describe`: the rows `load` finds for `ids` (none asked, none read), each with its moderation
 * state read the same way for every type; `describeRow` adds who wrote it, its text and where it lives.
 */
export async function describeSubjects<Row extends ModeratedRow>(
  ids: string[],
  load: (ids: string[]) => Promise<Row[]>,
  describeRow: (row: Row) => Omit<SubjectInfo, 'id' | 'state' | 'reason'>,
): Promise<Map<string, SubjectInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await load(ids);
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, state: row.moderation, reason: row.moderation_reason, ...describeRow(row) },
    ]),
  );
}

/** The sizes of a moderated image a reviewer may open (the original stays its author's). */
export const REVIEW_IMAGE_SIZES = ['thumb', 'web'] as const;
export type ReviewImageSize = (typeof REVIEW_IMAGE_SIZES)[number];

/** An image file as stored. */
export interface SubjectImage {
  data: Buffer;
  contentType: string;
}

/**
 * What a content module tells moderation about one kind of its content. Moderation never reads
 * or writes content tables itself, so it depends on no content module; they register with it.
 */
export interface SubjectHandler {
  type: SubjectType;
  /** The items that exist among `ids`. */
  describe(ids: string[]): Promise<Map<string, SubjectInfo>>;
  /**
   * Moves an item from state `from` to `to`, with the reason its author will see; false when the
   * item is no longer in state `from` (another decision came first) or no longer exists.
   */
  setState(id: string, from: ModerationState, to: ModerationState, reason: string | null): Promise<boolean>;
  /** Whether the viewer may see the item under the privacy rule; needed to make a type reportable. */
  visibleTo?(viewerId: string, id: string): Promise<boolean>;
  /**
   * The image of an item that is one (photos), whatever its state or privacy: for reviewers only. Null
   * when the item does not exist.
   */
  image?(id: string, size: ReviewImageSize): Promise<SubjectImage | null>;
}

/** The registry content modules add their subject types to, at start-up. */
@Injectable()
export class ModerationSubjects {
  private readonly handlers = new Map<SubjectType, SubjectHandler>();

  register(handler: SubjectHandler): void {
    if (this.handlers.has(handler.type))
      throw new Error(`moderation subject ${handler.type} registered twice`);
    this.handlers.set(handler.type, handler);
  }

  /** The handler of a type; 404 for a type nobody registered (as for an unknown path). */
  get(type: string): SubjectHandler {
    const handler = this.handlers.get(type as SubjectType);
    if (!handler) throw notFound('Content type');
    return handler;
  }

  find(type: string): SubjectHandler | undefined {
    return this.handlers.get(type as SubjectType);
  }
}
