import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import type { Keyset } from '../common/pagination';
import type { AuditAction, AuditDetail, AuditSubjectType } from './audit-actions';
import { AuditFilter, AuditEntryRow, AuditRepository } from './audit.repository';

/** One admin action, as the module that performed it reports it. */
export interface AuditRecord {
  /** The admin who acted. */
  actorId: string;
  action: AuditAction;
  subject: { type: AuditSubjectType; id: string };
  /** The reason the admin gave, if any. */
  reason?: string | null;
  /** A few facts about the action (a version number, the roles before and after, an amount). */
  details?: Record<string, AuditDetail>;
}

/**
 * The audit log of admin actions. Modules call `record` inside the transaction that performs the
 * action, so an action that fails leaves no entry and one that commits cannot lose its entry.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: AuditRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async record(entry: AuditRecord): Promise<void> {
    // Outside a transaction the entry and the action could part ways: a bug, so it fails loudly.
    if (!this.em.getTransactionContext()) {
      throw new Error(`Audit entry ${entry.action} recorded outside the action's transaction`);
    }
    const details = entry.details ?? {};
    if (Buffer.byteLength(JSON.stringify(details)) > LIMITS.auditDetailsBytes) {
      throw new Error(`Audit details of ${entry.action} exceed ${LIMITS.auditDetailsBytes} bytes`);
    }
    const reason = entry.reason?.trim() || null;
    await this.repository.insert({
      id: newId(),
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subject.type,
      subject_id: entry.subject.id,
      reason: reason && reason.slice(0, LIMITS.auditReasonMax),
      details,
      created_at: this.clock.now(),
    });
  }

  list(filter: AuditFilter, limit: number, after: Keyset | undefined): Promise<AuditEntryRow[]> {
    return this.repository.list(filter, limit, after);
  }
}
