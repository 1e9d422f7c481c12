import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import { Keyset, keysetCondition } from '../common/pagination';
import { conflict, notFound, ProblemException } from '../common/problem';
import { sqlRows, sqlRun } from '../database/sql';
import { KeywordRulesService, type Verdict } from './keyword-rules.service';
import type { ModerationState } from './moderation-state';
import { type DecisionFilter, ModerationRepository } from './moderation.repository';
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

export interface CaseRow {
  id: string;
  subject_type: SubjectType;
  subject_id: string;
  author_id: string | null;
  status: CaseStatus;
  keyword_action: 'hold' | 'flag' | null;
  keywords: string[] | string;
  report_count: number;
  report_reasons: string[];
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
}

export interface DecisionRow {
  id: string;
  subject_type: SubjectType;
  subject_id: string;
  case_id: string | null;
  action: DecisionAction;
  reason: string | null;
  admin_id: string | null;
  previous_state: ModerationState;
  new_state: ModerationState;
  created_at: Date;
}

export interface ReportRow {
  id: string;
  subject_type: SubjectType;
  subject_id: string;
  reason: string;
  created_at: Date;
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
    const now = this.clock.now();
    await sqlRun(
      this.em,
      `insert into moderation_case
         (id, subject_type, subject_id, author_id, status, keyword_action, keywords, report_count, created_at, updated_at)
       values (?, ?, ?, ?, 'open', ?, ?::jsonb, 0, ?, ?)
       on conflict (subject_type, subject_id) where status = 'open' do update set
         keyword_action = case when moderation_case.keyword_action = 'hold' or excluded.keyword_action = 'hold'
                               then 'hold' else 'flag' end,
         keywords = (select coalesce(jsonb_agg(distinct k order by k), '[]'::jsonb)
                       from jsonb_array_elements_text(moderation_case.keywords || excluded.keywords) k),
         updated_at = excluded.updated_at`,
      [
        newId(),
        subject.type,
        subject.id,
        subject.authorId,
        verdict.action,
        JSON.stringify(verdict.keywords),
        now,
        now,
      ],
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
      const [report] = await sqlRows<ReportRow>(
        this.em,
        `insert into moderation_report (id, subject_type, subject_id, reporter_id, reason, created_at)
         values (?, ?, ?, ?, ?, ?) on conflict (subject_type, subject_id, reporter_id) do nothing
         returning id, subject_type, subject_id, reason, created_at`,
        [newId(), type, subjectId, viewerId, text, now],
      );
      if (!report) throw conflict('already_reported', 'You already reported this');
      const [openCase] = await sqlRows<{ id: string }>(
        this.em,
        `insert into moderation_case
           (id, subject_type, subject_id, author_id, status, keyword_action, keywords, report_count, created_at, updated_at)
         values (?, ?, ?, ?, 'open', null, '[]'::jsonb, 1, ?, ?)
         on conflict (subject_type, subject_id) where status = 'open' do update set
           report_count = moderation_case.report_count + 1, updated_at = excluded.updated_at
         returning id`,
        [newId(), type, subjectId, info.authorId, now, now],
      );
      await sqlRun(this.em, 'update moderation_report set case_id = ? where id = ?', [
        openCase.id,
        report.id,
      ]);
      return report;
    });
  }

  // ── the review queue ─────────────────────────────────────────────────────

  async listCases(status: CaseStatus, limit: number, after: Keyset | undefined): Promise<CaseRow[]> {
    const keyset = keysetCondition('c', after);
    return sqlRows<CaseRow>(
      this.em,
      `select c.id, c.subject_type, c.subject_id, c.author_id, c.status, c.keyword_action, c.keywords,
              c.report_count, c.created_at, c.updated_at, c.closed_at,
              array(select r.reason from moderation_report r where r.case_id = c.id
                     order by r.created_at desc, r.id desc limit ?) as report_reasons
         from moderation_case c
        where c.status = ? and ${keyset.sql}
        order by c.created_at desc, c.id desc limit ?`,
      [LIMITS.caseReportReasonsShown, status, ...keyset.params, limit + 1],
    );
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
      const [openCase] = await sqlRows<{ id: string }>(
        this.em,
        `select id from moderation_case where subject_type = ? and subject_id = ? and status = 'open' for update`,
        [handler.type, subjectId],
      );
      const from = info.state;
      const to = this.nextState(action, from, openCase !== undefined);
      if (to !== from) {
        const authorReason = action === 'reject' || action === 'unpublish' ? why : null;
        if (!(await handler.setState(subjectId, from, to, authorReason))) {
          throw stateConflict('The content changed meanwhile; reload it and decide again');
        }
      }
      const now = this.clock.now();
      if (openCase) {
        await sqlRun(
          this.em,
          `update moderation_case set status = 'closed', closed_at = ?, updated_at = ? where id = ?`,
          [now, now, openCase.id],
        );
      }
      const [decision] = await sqlRows<DecisionRow>(
        this.em,
        `insert into moderation_decision
           (id, subject_type, subject_id, case_id, action, reason, admin_id, previous_state, new_state, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         returning id, subject_type, subject_id, case_id, action, reason, admin_id, previous_state, new_state, created_at`,
        [newId(), handler.type, subjectId, openCase?.id ?? null, action, why, adminId, from, to, now],
      );
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
