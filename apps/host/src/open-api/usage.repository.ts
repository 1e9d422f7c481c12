import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { appExistsCondition } from '../apps/apps.fragments';
import { sqlRows, sqlRun } from '../database/sql';

/** What happened to an app's Open API calls: all of them, and those answered 4xx (apart from 429), 429 or 5xx. */
export interface UsageCounts {
  calls: number;
  clientErrors: number;
  rateLimited: number;
  serverErrors: number;
}

/** The counts of one app's calls of one operation on one UTC day (`YYYY-MM-DD`). */
export interface UsageRow extends UsageCounts {
  appId: string;
  day: string;
  operation: string;
}

/** Rows one statement adds, so a flush after a busy interval stays within PostgreSQL's parameter limit. */
const ROWS_PER_STATEMENT = 500;

/** SQL of the open-api module's usage table (`open_api_usage`) for OpenApiUsage. */
@Injectable()
export class UsageRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Adds counts to what is stored (several instances add theirs). Rows go in key order, so two
   * instances adding at once lock them in the same order; counts of apps deleted meanwhile are dropped.
   */
  async add(rows: UsageRow[]): Promise<void> {
    const sorted = [...rows].sort(
      (a, b) =>
        a.appId.localeCompare(b.appId) ||
        a.day.localeCompare(b.day) ||
        a.operation.localeCompare(b.operation),
    );
    for (let start = 0; start < sorted.length; start += ROWS_PER_STATEMENT) {
      const chunk = sorted.slice(start, start + ROWS_PER_STATEMENT);
      await sqlRun(
        this.em,
        `insert into open_api_usage (app_id, day, operation, calls, client_errors, rate_limited, server_errors)
         select v.* from (values ${chunk.map(() => '(?::uuid, ?::date, ?::text, ?::int, ?::int, ?::int, ?::int)').join(', ')})
                as v(app_id, day, operation, calls, client_errors, rate_limited, server_errors)
          where ${appExistsCondition('v.app_id')}
         on conflict (app_id, day, operation) do update set
           calls = open_api_usage.calls + excluded.calls,
           client_errors = open_api_usage.client_errors + excluded.client_errors,
           rate_limited = open_api_usage.rate_limited + excluded.rate_limited,
           server_errors = open_api_usage.server_errors + excluded.server_errors`,
        chunk.flatMap((row) => [
          row.appId,
          row.day,
          row.operation,
          row.calls,
          row.clientErrors,
          row.rateLimited,
          row.serverErrors,
        ]),
      );
    }
  }

  /** The app's counts from `fromDay` on, newest day first, operations in name order. */
  async list(appId: string, fromDay: string): Promise<UsageRow[]> {
    const rows = await sqlRows<{
      day: string;
      operation: string;
      calls: number;
      client_errors: number;
      rate_limited: number;
      server_errors: number;
    }>(
      this.em,
      `select to_char(day, 'YYYY-MM-DD') as day, operation, calls, client_errors, rate_limited, server_errors
         from open_api_usage where app_id = ? and day >= ?::date
        order by day desc, operation`,
      [appId, fromDay],
    );
    return rows.map((row) => ({
      appId,
      day: row.day,
      operation: row.operation,
      calls: row.calls,
      clientErrors: row.client_errors,
      rateLimited: row.rate_limited,
      serverErrors: row.server_errors,
    }));
  }

  /** Forgets the counts of days before `day`. */
  async deleteBefore(day: string): Promise<void> {
    await sqlRun(this.em, 'delete from open_api_usage where day < ?::date', [day]);
  }
}
