import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Keyset, keysetCondition } from '../common/pagination';
import { sqlRows, sqlRun } from '../database/sql';
import type { AuditAction, AuditDetail, AuditSubjectType } from './audit-actions';

export interface AuditEntryRow {
  id: string;
  actor_id: string;
  action: AuditAction;
  subject_type: AuditSubjectType;
  subject_id: string;
  reason: string | null;
  details: Record<string, AuditDetail>;
  created_at: Date;
}

/** Which entries to list; every field narrows the list. `from` is inclusive, `to` exclusive. */
export interface AuditFilter {
  actorId?: string;
  action?: AuditAction;
  subjectType?: AuditSubjectType;
  subjectId?: string;
  from?: Date;
  to?: Date;
}

/** The filters as conditions on `audit_entry e`, fixed SQL text with parameters. */
const CONDITIONS: { [K in keyof AuditFilter]-?: string } = {
  actorId: 'e.actor_id = ?',
  action: 'e.action = ?',
  subjectType: 'e.subject_type = ?',
  subjectId: 'e.subject_id = ?',
  from: 'e.created_at >= ?',
  to: 'e.created_at < ?',
};

/** SQL of the audit module's table (audit_entry). */
@Injectable()
export class AuditRepository {
  constructor(private readonly em: EntityManager) {}

  async insert(row: AuditEntryRow): Promise<void> {
    await sqlRun(
      this.em,
      `insert into audit_entry (id, actor_id, action, subject_type, subject_id, reason, details, created_at)
       values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)`,
      [
        row.id,
        row.actor_id,
        row.action,
        row.subject_type,
        row.subject_id,
        row.reason,
        JSON.stringify(row.details),
        row.created_at,
      ],
    );
  }

  /** Entries matching the filter, newest first, one more than `limit` to tell whether a page follows. */
  list(filter: AuditFilter, limit: number, after: Keyset | undefined): Promise<AuditEntryRow[]> {
    const keyset = keysetCondition('e', after);
    const conditions = [keyset.sql];
    const params: unknown[] = [...keyset.params];
    for (const key of Object.keys(CONDITIONS) as (keyof AuditFilter)[]) {
      if (filter[key] === undefined) continue;
      conditions.push(CONDITIONS[key]);
      params.push(filter[key]);
    }
    return sqlRows<AuditEntryRow>(
      this.em,
      `select e.id, e.actor_id, e.action, e.subject_type, e.subject_id, e.reason, e.details, e.created_at
         from audit_entry e where ${conditions.join(' and ')}
        order by e.created_at desc, e.id desc limit ?`,
      [...params, limit + 1],
    );
  }
}
