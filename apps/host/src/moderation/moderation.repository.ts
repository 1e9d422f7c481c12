import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Keyset, keysetCondition } from '../common/pagination';
import { sqlRows, sqlRun } from '../database/sql';
import type { ModerationState } from './moderation-state';
import type { CaseStatus, DecisionAction, SubjectRef } from './moderation.service';
import type { SubjectType } from './moderation-subjects';

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

/** A user's report as it is stored. */
export interface NewReport {
  id: string;
  subjectType: SubjectType;
  subjectId: string;
  reporterId: string;
  reason: string;
  createdAt: Date;
}

/** A reviewer's decision as it is stored. */
export interface NewDecision {
  id: string;
  subjectType: SubjectType;
  subjectId: string;
  caseId: string | null;
  action: DecisionAction;
  reason: string | null;
  adminId: string;
  previousState: ModerationState;
  newState: ModerationState;
  createdAt: Date;
}

/** Which decisions to list; every field narrows the list. `from` is inclusive, `to` exclusive. */
export interface DecisionFilter {
  subjectType?: SubjectType;
  subjectId?: string;
  action?: DecisionAction;
  adminId?: string;
  from?: Date;
  to?: Date;
}

const DECISION_CONDITIONS: Record<keyof DecisionFilter, string> = {
  subjectType: 'd.subject_type = ?',
  subjectId: 'd.subject_id = ?',
  action: 'd.action = ?',
  adminId: 'd.admin_id = ?',
  from: 'd.created_at >= ?',
  to: 'd.created_at < ?',
};

/**
 * SQL of moderation's tables (moderation_case, moderation_report, moderation_decision) for
 * ModerationService. An item has at most one open case (a partial unique index), which keyword hits and
 * reports both join.
 */
@Injectable()
export class ModerationRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Opens a case for held or flagged content, or joins its open case (an edit of a queued post): that
   * one case keeps the stronger action and every keyword.
   */
  async openKeywordCase(
    id: string,
    subject: SubjectRef,
    action: 'hold' | 'flag',
    keywords: string[],
    now: Date,
  ): Promise<void> {
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
      [id, subject.type, subject.id, subject.authorId, action, JSON.stringify(keywords), now, now],
    );
  }

  /** Stores a report; null when the reporter already reported the item. */
  async insertReport(report: NewReport): Promise<ReportRow | null> {
    const [row] = await sqlRows<ReportRow>(
      this.em,
      `insert into moderation_report (id, subject_type, subject_id, reporter_id, reason, created_at)
       values (?, ?, ?, ?, ?, ?) on conflict (subject_type, subject_id, reporter_id) do nothing
       returning id, subject_type, subject_id, reason, created_at`,
      [report.id, report.subjectType, report.subjectId, report.reporterId, report.reason, report.createdAt],
    );
    return row ?? null;
  }

  /** Counts one more report on the item's open case, opening one (with id `id`) if it has none; its id. */
  async countReport(id: string, subject: SubjectRef, now: Date): Promise<string> {
    const [openCase] = await sqlRows<{ id: string }>(
      this.em,
      `insert into moderation_case
         (id, subject_type, subject_id, author_id, status, keyword_action, keywords, report_count, created_at, updated_at)
       values (?, ?, ?, ?, 'open', null, '[]'::jsonb, 1, ?, ?)
       on conflict (subject_type, subject_id) where status = 'open' do update set
         report_count = moderation_case.report_count + 1, updated_at = excluded.updated_at
       returning id`,
      [id, subject.type, subject.id, subject.authorId, now, now],
    );
    return openCase.id;
  }

  async attachReport(reportId: string, caseId: string): Promise<void> {
    await sqlRun(this.em, 'update moderation_report set case_id = ? where id = ?', [caseId, reportId]);
  }

  /**
   * Cases of one status, newest first, after the keyset, each with its latest `reasonsShown` report
   * reasons; one more than `limit`.
   */
  listCases(
    status: CaseStatus,
    reasonsShown: number,
    limit: number,
    after: Keyset | undefined,
  ): Promise<CaseRow[]> {
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
      [reasonsShown, status, ...keyset.params, limit + 1],
    );
  }

  /** The item's open case, locked until the transaction ends; null when it has none. */
  async lockOpenCase(type: SubjectType, subjectId: string): Promise<{ id: string } | null> {
    const [openCase] = await sqlRows<{ id: string }>(
      this.em,
      `select id from moderation_case where subject_type = ? and subject_id = ? and status = 'open' for update`,
      [type, subjectId],
    );
    return openCase ?? null;
  }

  async closeCase(caseId: string, now: Date): Promise<void> {
    await sqlRun(
      this.em,
      `update moderation_case set status = 'closed', closed_at = ?, updated_at = ? where id = ?`,
      [now, now, caseId],
    );
  }

  async insertDecision(decision: NewDecision): Promise<DecisionRow> {
    const [row] = await sqlRows<DecisionRow>(
      this.em,
      `insert into moderation_decision
         (id, subject_type, subject_id, case_id, action, reason, admin_id, previous_state, new_state, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       returning id, subject_type, subject_id, case_id, action, reason, admin_id, previous_state, new_state, created_at`,
      [
        decision.id,
        decision.subjectType,
        decision.subjectId,
        decision.caseId,
        decision.action,
        decision.reason,
        decision.adminId,
        decision.previousState,
        decision.newState,
        decision.createdAt,
      ],
    );
    return row;
  }

  /** Decisions matching the filter, newest first, one more than `limit` to tell whether a page follows. */
  async listDecisions(
    filter: DecisionFilter,
    limit: number,
    after: Keyset | undefined,
  ): Promise<DecisionRow[]> {
    const keyset = keysetCondition('d', after);
    const conditions: string[] = [keyset.sql];
    const params: unknown[] = [...keyset.params];
    for (const [key, condition] of Object.entries(DECISION_CONDITIONS) as [keyof DecisionFilter, string][]) {
      const value = filter[key];
      if (value === undefined) continue;
      conditions.push(condition);
      params.push(value);
    }
    return sqlRows<DecisionRow>(
      this.em,
      `select d.id, d.subject_type, d.subject_id, d.case_id, d.action, d.reason, d.admin_id, d.previous_state,
              d.new_state, d.created_at
         from moderation_decision d where ${conditions.join(' and ')}
        order by d.created_at desc, d.id desc limit ?`,
      [...params, limit + 1],
    );
  }
}
