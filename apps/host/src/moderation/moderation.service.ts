import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import type { Keyset } from '../common/pagination';
import { conflict, notFound, ProblemException } from '../common/problem';
import { KeywordRulesService, type Verdict } from './keyword-rules.service';
import type { ModerationState } from './moderation-state';
import {
  type CaseRow,
  type DecisionFilter,
  type DecisionRow,
  ModerationRepository,
  type ReportRow,
} from './moderation.repository';
import {
  ModerationSubjects,
  type ReviewImageSize,
  type SubjectImage,
  type SubjectInfo,
  type SubjectType,
} from './moderation-subjects';

export const DECISION_ACTIONS = ['approve', 'reject', 'unpublish', 'dismiss'] as const;
/**
 * - approve: publishes held (or rejected, or unpublished) content; on published content it closes
 *   the open case, keeping the content up;
 * - reject: refuses held content, which stays its author's alone, with a reason;
 * - unpublish: takes published content down; its author sees why;
 * - dismiss: closes the open case of published content and changes nothing.
 */
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Content about to be saved, or just saved: what moderation needs to queue it. */
export interface SubjectRef {
  type: SubjectType;
  id: string;
  authorId: string;
}

const stateConflict = (detail: string) => conflict('moderation_conflict', detail);

/** The review queue, reports and reviewers' decisions; and the state screened content starts in. */
@Injectable()
export class ModerationService {
  constructor(
    private readonly em: EntityManager,
    private readonly subjects: ModerationSubjects,
    private readonly rules: KeywordRulesService,
    private readonly audit: AuditService,
    private readonly repository: ModerationRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  // ── screening, for content modules ───────────────────────────────────────

  /** Screens content before it is saved; throws `content_blocked` (422) for a block rule. */
  screen(parts: readonly string[]): Promise<Verdict> {
    return this.rules.screen(parts);
  }

  /**
   * What posting these parts would do now, naming no rule (apps may ask; the rules themselves stay the
   * admins'): refused, held for review, or published (a flag publishes, and only tells the reviewers).
   */
  async wouldPost(parts: readonly string[]): Promise<'allow' | 'hold' | 'block'> {
    const { action } = await this.rules.verdict(parts);
    return action === 'block' || action === 'hold' ? action : 'allow';
  }

  /** The state screened content is saved in: held content waits for a reviewer. */
  stateAfter(verdict: Verdict): ModerationState {
    return verdict.action === 'hold' ? 'held' : 'published';
  }

  /**
   * Queues held or flagged content, in the caller's transaction. Content that already has an open
   * case (an edit of a queued post) keeps that one case, with the stronger action and every keyword.
   */
  async enqueue(subject: SubjectRef, verdict: Verdict): Promise<void> {
    if (verdict.action === null) return;
    await this.repository.openKeywordCase(
      newId(),
      subject,
      verdict.action,
      verdict.keywords,
      this.clock.now(),
    );
  }

  // ── reports ──────────────────────────────────────────────────────────────

  /**
   * A user reports content they can see (anything else is 404, as if it did not exist), once per
   * item. The report joins the item's open case, or opens one.
   */
  async report(viewerId: string, type: SubjectType, subjectId: string, reason: string): Promise<ReportRow> {
    const handler = this.subjects.find(type);
    if (!handler?.visibleTo || !(await handler.visibleTo(viewerId, subjectId))) throw notFound('Content');
    const info = (await handler.describe([subjectId])).get(subjectId);
    if (!info) throw notFound('Content');
    if (info.authorId === viewerId) {
      throw new ProblemException(
        HttpStatus.BAD_REQUEST,
        'cannot_target_self',
        'You cannot report your own content',
      );
    }
    const text = reason.trim();
    if (text.length === 0) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', 'reason must not be blank', [
        { field: 'reason', message: 'reason must not be blank' },
      ]);
    }
    return this.em.transactional(async () => {
      const now = this.clock.now();
      const report = await this.repository.insertReport({
        id: newId(),
        subjectType: type,
        subjectId,
        reporterId: viewerId,
        reason: text,
        createdAt: now,
      });
      if (!report) throw conflict('already_reported', 'You already reported this');
      const caseId = await this.repository.countReport(
        newId(),
        { type, id: subjectId, authorId: info.authorId },
        now,
      );
      await this.repository.attachReport(report.id, caseId);
      return report;
    });
  }

  // ── the review queue ─────────────────────────────────────────────────────

  listCases(status: CaseStatus, limit: number, after: Keyset | undefined): Promise<CaseRow[]> {
    return this.repository.listCases(status, LIMITS.caseReportReasonsShown, limit, after);
  }

  /** The content the given cases are about, by `type:id`; deleted content is missing. */
  async contentOf(
    rows: { subject_type: SubjectType; subject_id: string }[],
  ): Promise<Map<string, SubjectInfo>> {
    const byType = new Map<SubjectType, string[]>();
    for (const row of rows)
      byType.set(row.subject_type, [...(byType.get(row.subject_type) ?? []), row.subject_id]);
    const found = new Map<string, SubjectInfo>();
    for (const [type, ids] of byType) {
      const handler = this.subjects.find(type);
      if (!handler) continue;
      for (const [id, info] of await handler.describe([...new Set(ids)])) found.set(`${type}:${id}`, info);
    }
    return found;
  }

  /**
   * The image of a photo under moderation, whatever its state or privacy (the caller is a reviewer);
   * 404 when there is no such photo.
   */
  async reviewImage(photoId: string, size: ReviewImageSize): Promise<SubjectImage> {
    const image = await this.subjects.find('photo')?.image?.(photoId, size);
    if (!image) throw notFound('Photo');
    return image;
  }

  // ── decisions ────────────────────────────────────────────────────────────

  /** Applies a reviewer's decision to one item, closes its open case and records who, when, what, why. */
  async decide(
    adminId: string,
    type: string,
    subjectId: string,
    action: DecisionAction,
    reason: string | null,
  ): Promise<DecisionRow> {
    const handler = this.subjects.get(type);
    const why = reason?.trim() || null;
    if ((action === 'reject' || action === 'unpublish') && !why) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', 'reason must not be blank', [
        { field: 'reason', message: 'reason must not be blank' },
      ]);
    }
    return this.em.transactional(async () => {
      const info = (await handler.describe([subjectId])).get(subjectId);
      if (!info) throw notFound('Content');
      const openCase = await this.repository.lockOpenCase(handler.type, subjectId);
      const from = info.state;
      const to = this.nextState(action, from, openCase !== null);
      if (to !== from) {
        const authorReason = action === 'reject' || action === 'unpublish' ? why : null;
        if (!(await handler.setState(subjectId, from, to, authorReason))) {
          throw stateConflict('The content changed meanwhile; reload it and decide again');
        }
      }
      const now = this.clock.now();
      if (openCase) await this.repository.closeCase(openCase.id, now);
      const decision = await this.repository.insertDecision({
        id: newId(),
        subjectType: handler.type,
        subjectId,
        caseId: openCase?.id ?? null,
        action,
        reason: why,
        adminId,
        previousState: from,
        newState: to,
        createdAt: now,
      });
      await this.audit.record({
        actorId: adminId,
        action: `moderation.${action}`,
        subject: { type: handler.type, id: subjectId },
        reason: why,
        details: { previousState: from, newState: to, caseId: openCase?.id ?? null },
      });
      return decision;
    });
  }

  /** Which state a decision leads to from the current one, or 409 when it does not apply. */
  private nextState(action: DecisionAction, from: ModerationState, hasOpenCase: boolean): ModerationState {
    switch (action) {
      case 'approve':
        if (from === 'published' && !hasOpenCase) throw stateConflict('This content is already published');
        return 'published';
      case 'reject':
        if (from !== 'held') {
          throw stateConflict(
            from === 'published'
              ? 'This content is published; only held content can be rejected (unpublish it instead)'
              : `This content is ${from}; only held content can be rejected`,
          );
        }
        return 'rejected';
      case 'unpublish':
        if (from !== 'published')
          throw stateConflict(`This content is ${from}; only published content can be unpublished`);
        return 'unpublished';
      case 'dismiss':
        if (!hasOpenCase) throw stateConflict('This content has no open case to dismiss');
        if (from === 'held')
          throw stateConflict('This content is held; approve or reject it instead of dismissing its case');
        return from;
    }
  }

  listDecisions(filter: DecisionFilter, limit: number, after: Keyset | undefined): Promise<DecisionRow[]> {
    return this.repository.listDecisions(filter, limit, after);
  }
}
