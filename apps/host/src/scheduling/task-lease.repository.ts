import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { sqlRows } from '../database/sql';

/**
 * Leases on periodic work (the `task_lease` table), so that a sweep runs on one instance at a time however
 * many share the database. Times are the database's, so instances' clocks need not agree.
 */
@Injectable()
export class TaskLeaseRepository {
  /** This process, as a lease holder: it keeps a lease it holds by taking it again. */
  private readonly holder = randomUUID();

  constructor(private readonly em: EntityManager) {}

  /**
   * Takes the lease on `task` for `seconds`, unless another instance holds one that has not run out;
   * whether this instance holds it now. A holder that dies loses it when it runs out.
   */
  async take(task: string, seconds: number): Promise<boolean> {
    const rows = await sqlRows(
      this.em,
      `insert into task_lease (task, holder, expires_at)
       values (?, ?, clock_timestamp() + ?::int * interval '1 second')
       on conflict (task) do update set holder = excluded.holder, expires_at = excluded.expires_at
       where task_lease.expires_at <= clock_timestamp() or task_lease.holder = excluded.holder
       returning task`,
      [task, this.holder, seconds],
    );
    return rows.length === 1;
  }

  /** Gives the lease up (at shutdown), so another instance takes the work over at its next tick. */
  async release(task: string): Promise<void> {
    await sqlRows(this.em, 'delete from task_lease where task = ? and holder = ? returning task', [
      task,
      this.holder,
    ]);
  }
}
