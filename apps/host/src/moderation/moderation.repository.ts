import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Keyset, keysetCondition } from '../common/pagination';
import { sqlRows } from '../database/sql';
import type { DecisionAction, DecisionRow } from './moderation.service';
import type { SubjectType } from './moderation-subjects';

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
 * SQL of moderation's tables for ModerationService: the queries added since the repository was introduced
 * (older ones still live in the service).
 */
@Injectable()
export class ModerationRepository {
  constructor(private readonly em: EntityManager) {}

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
