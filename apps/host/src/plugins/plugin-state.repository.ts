import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { LIMITS } from '../common/limits';
import { sqlRows, sqlRun } from '../database/sql';
import { clip } from './plugin-protocol';

export interface PluginFailure {
  at: string;
  error: string;
}

/** Who took a plugin out of service: its circuit breaker, or an admin. */
export type DisabledBy = 'breaker' | 'admin';

/** The circuit breaker's view of one plugin, as `plugin_state` keeps it for every instance. */
export interface PluginHealth {
  consecutiveFailures: number;
  recentFailures: PluginFailure[];
  lastError: string | null;
  lastFailureAt: Date | null;
  disabledAt: Date | null;
  disabledBy: DisabledBy | null;
  /** The failure that tripped the breaker, or the admin's reason. */
  disabledReason: string | null;
}

export const HEALTHY: PluginHealth = {
  consecutiveFailures: 0,
  recentFailures: [],
  lastError: null,
  lastFailureAt: null,
  disabledAt: null,
  disabledBy: null,
  disabledReason: null,
};

interface StateRow {
  plugin_id: string;
  consecutive_failures: number;
  recent_failures: PluginFailure[];
  last_error: string | null;
  last_failure_at: Date | string | null;
  disabled_at: Date | string | null;
  disabled_by: DisabledBy | null;
  disabled_reason: string | null;
}

/** `plugin_state`: each plugin's breaker, shared by every instance. */
@Injectable()
export class PluginStateRepository {
  constructor(private readonly em: EntityManager) {}

  /** Gives every plugin in `pluginIds` a row (healthy when new) and returns all rows by plugin. */
  async loadAll(pluginIds: string[], now: Date): Promise<Map<string, PluginHealth>> {
    for (const pluginId of pluginIds) {
      await sqlRun(
        this.em,
        'insert into plugin_state (plugin_id, updated_at) values (?, ?) on conflict (plugin_id) do nothing',
        [pluginId, now],
      );
    }
    const rows = await sqlRows<StateRow>(this.em, 'select * from plugin_state');
    return new Map(rows.map((row) => [row.plugin_id, toHealth(row)]));
  }

  async find(pluginId: string): Promise<PluginHealth | undefined> {
    const [row] = await sqlRows<StateRow>(this.em, 'select * from plugin_state where plugin_id = ?', [
      pluginId,
    ]);
    return row && toHealth(row);
  }

  /** The row locked until the transaction ends (call inside one). */
  async lock(pluginId: string): Promise<PluginHealth> {
    const [row] = await sqlRows<StateRow>(
      this.em,
      'select * from plugin_state where plugin_id = ? for update',
      [pluginId],
    );
    return toHealth(row);
  }

  async resetFailures(pluginId: string, now: Date): Promise<void> {
    await sqlRun(
      this.em,
      'update plugin_state set consecutive_failures = 0, updated_at = ? where plugin_id = ?',
      [now, pluginId],
    );
  }

  /** Stores the breaker after a failure (and its trip, when `health.disabledAt` is newly set). */
  async saveFailure(pluginId: string, health: PluginHealth, now: Date): Promise<void> {
    await sqlRun(
      this.em,
      `update plugin_state set consecutive_failures = ?, recent_failures = ?::jsonb, last_error = ?,
         last_failure_at = ?, disabled_at = ?, disabled_by = ?, disabled_reason = ?, updated_at = ?
       where plugin_id = ?`,
      [
        health.consecutiveFailures,
        JSON.stringify(health.recentFailures),
        health.lastError,
        health.lastFailureAt,
        health.disabledAt,
        health.disabledBy,
        health.disabledReason,
        now,
        pluginId,
      ],
    );
  }

  /** Takes the plugin out of service; false when it already was (nothing changes then). */
  async disable(pluginId: string, by: DisabledBy, reason: string, now: Date): Promise<boolean> {
    const changed = await sqlRows(
      this.em,
      `update plugin_state set disabled_at = ?, disabled_by = ?, disabled_reason = ?, updated_at = ?
       where plugin_id = ? and disabled_at is null returning plugin_id`,
      [now, by, reason, now, pluginId],
    );
    return changed.length > 0;
  }

  /** In service again, with a clean failure count. */
  async enable(pluginId: string, now: Date): Promise<void> {
    await sqlRun(
      this.em,
      `update plugin_state set disabled_at = null, disabled_by = null, disabled_reason = null,
         consecutive_failures = 0, updated_at = ?
       where plugin_id = ?`,
      [now, pluginId],
    );
  }
}

/** Clipped again when read: rows written before the limits existed may hold megabytes. */
function toHealth(row: StateRow): PluginHealth {
  return {
    consecutiveFailures: row.consecutive_failures,
    recentFailures: row.recent_failures
      .slice(0, LIMITS.pluginRecentFailuresKept)
      .map(({ at, error }) => ({ at, error: clip(String(error), LIMITS.pluginReasonMax) })),
    lastError: row.last_error === null ? null : clip(row.last_error, LIMITS.pluginReasonMax),
    lastFailureAt: row.last_failure_at === null ? null : new Date(row.last_failure_at),
    disabledAt: row.disabled_at === null ? null : new Date(row.disabled_at),
    disabledBy: row.disabled_by,
    disabledReason: row.disabled_reason === null ? null : clip(row.disabled_reason, LIMITS.pluginReasonMax),
  };
}
