import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { iso } from '../common/time';
import { DatabaseService } from '../database/database.module';
import { Metrics } from '../metrics/metrics.service';
import { Signals } from '../shared-store/signals';
import { clip } from './plugin-protocol';
import { HEALTHY, type PluginHealth, PluginStateRepository } from './plugin-state.repository';

/**
 * Each plugin's circuit breaker: counts the plugin's failures and disables it after too many in a row, and
 * lets an admin take it out of service or back in. The state is kept in `plugin_state` for every instance,
 * and here, read again when another instance changes it.
 */
@Injectable()
export class PluginBreakersService {
  private readonly logger = new Logger('Plugins');
  private readonly health = new Map<string, PluginHealth>();

  constructor(
    private readonly em: EntityManager,
    private readonly database: DatabaseService,
    private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    private readonly metrics: Metrics,
    private readonly signals: Signals,
    private readonly states: PluginStateRepository,
  ) {
    // A breaker tripped or an admin enabled a plugin on another instance: read its state again here.
    signals.on('plugin-state', (pluginId) => void this.reloadHealth(pluginId));
  }

  /** The plugin's breaker: healthy until it fails. */
  of(pluginId: string): PluginHealth {
    return this.health.get(pluginId) ?? HEALTHY;
  }

  /** An admin enables a disabled plugin (by its breaker or an admin), with a clean failure count. */
  async enable(adminId: string, pluginId: string): Promise<PluginHealth> {
    const before = this.health.get(pluginId) ?? HEALTHY;
    await this.em.transactional(async () => {
      await this.states.enable(pluginId, this.clock.now());
      await this.audit.record({
        actorId: adminId,
        action: 'plugin.enable',
        subject: { type: 'plugin', id: pluginId },
        details: {
          wasDisabled: before.disabledAt !== null,
          disabledBy: before.disabledBy,
          consecutiveFailures: before.consecutiveFailures,
        },
      });
    });
    const health: PluginHealth = {
      ...before,
      disabledAt: null,
      disabledBy: null,
      disabledReason: null,
      consecutiveFailures: 0,
    };
    this.health.set(pluginId, health);
    this.signals.publish('plugin-state', pluginId);
    this.logger.log({ message: 'plugin enabled by an admin', plugin: pluginId });
    return health;
  }

  /**
   * An admin takes a plugin out of service on every instance at once, with the reason the others read: its
   * routes answer 503 and its events are retried on the outbox schedule. One already disabled stays as it was.
   */
  async disable(adminId: string, pluginId: string, reason: string): Promise<PluginHealth> {
    const now = this.clock.now();
    const changed = await this.em.transactional(async () => {
      const disabled = await this.states.disable(pluginId, 'admin', reason, now);
      if (disabled) {
        await this.audit.record({
          actorId: adminId,
          action: 'plugin.disable',
          subject: { type: 'plugin', id: pluginId },
          reason,
        });
      }
      return disabled;
    });
    const health = (await this.states.find(pluginId)) ?? HEALTHY;
    this.health.set(pluginId, health);
    if (changed) {
      this.signals.publish('plugin-state', pluginId);
      this.logger.warn({ message: 'plugin disabled by an admin', plugin: pluginId, reason });
    }
    return health;
  }

  /** Reads the breakers of the plugins the runtime starts (a new plugin's starts healthy). */
  async loadHealth(pluginIds: string[]): Promise<void> {
    for (const [pluginId, health] of await this.states.loadAll(pluginIds, this.clock.now())) {
      this.health.set(pluginId, health);
    }
  }

  /** A call succeeded: the count of failures in a row starts again. */
  async recordSuccess(pluginId: string): Promise<void> {
    const health = this.health.get(pluginId);
    if (!health || health.consecutiveFailures === 0) return;
    this.health.set(pluginId, { ...health, consecutiveFailures: 0 });
    await this.database.withContext(() => this.states.resetFailures(pluginId, this.clock.now()));
  }

  /** Counts a failure; the one that reaches the limit disables the plugin. */
  async recordFailure(pluginId: string, failure: string): Promise<void> {
    const reason = clip(failure, LIMITS.pluginReasonMax);
    this.logger.warn({ message: 'plugin call failed', plugin: pluginId, reason });
    this.metrics.pluginFailures.inc({ plugin: pluginId });
    const { health, disabled } = await this.database.withContext(() =>
      this.em.transactional(async () => {
        const now = this.clock.now();
        const before = await this.states.lock(pluginId);
        const failures = before.consecutiveFailures + 1;
        const disable = before.disabledAt === null && failures >= LIMITS.pluginFailuresToDisable;
        const health: PluginHealth = {
          consecutiveFailures: failures,
          recentFailures: [{ at: iso(now), error: reason }, ...before.recentFailures].slice(
            0,
            LIMITS.pluginRecentFailuresKept,
          ),
          lastError: reason,
          lastFailureAt: now,
          ...(disable
            ? { disabledAt: now, disabledBy: 'breaker', disabledReason: reason }
            : {
                disabledAt: before.disabledAt,
                disabledBy: before.disabledBy,
                disabledReason: before.disabledReason,
              }),
        };
        await this.states.saveFailure(pluginId, health, now);
        if (disable) {
          this.logger.error({ message: 'plugin disabled by its circuit breaker', plugin: pluginId, reason });
        }
        return { health, disabled: disable };
      }),
    );
    this.health.set(pluginId, health);
    // Committed: every other instance now refuses the plugin too.
    if (disabled) this.signals.publish('plugin-state', pluginId);
  }

  /** The plugin's breaker state as stored (another instance changed it). */
  private async reloadHealth(pluginId: string): Promise<void> {
    if (!this.health.has(pluginId)) return;
    try {
      const health = await this.database.withContext(() => this.states.find(pluginId));
      if (health) this.health.set(pluginId, health);
    } catch (error) {
      this.logger.warn({ message: 'reading a plugin state failed', plugin: pluginId, error: String(error) });
    }
  }
}
