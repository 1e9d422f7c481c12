import { HttpStatus, Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppsService } from '../apps/apps.service';
import { AuthorizationsService } from '../apps/authorizations.service';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { currentRequestId } from '../common/request-context';
import { forbidden, notFound, ProblemCode, ProblemException } from '../common/problem';
import { sizeText } from '../common/text';
import { HOST_CONFIG, type HostConfig } from '../config/config';
import { type AppEvent, isEventType } from '../events/event-types';
import { EventsService } from '../events/events.service';
import { Metrics } from '../metrics/metrics.service';
import { ProblemWithHeaders } from '../common/problem-with-headers';
import { PluginBridge } from './plugin-bridge';
import { PluginBreakersService } from './plugin-breakers.service';
import type { PluginHealth } from './plugin-state.repository';
import { pluginLaunchOf } from './plugin-launch';
import { PluginManifestError, type PluginPackage } from './plugin-manifest';
import { type CallContext, type CallKind, type CallOutcome, type LoadReport } from './plugin-protocol';
import { RouteTable } from './plugin-routes';
import { PluginSupervisor } from './plugin-supervisor';

/** A plugin the runtime serves: its package, its app and its route table. */
export interface LoadedPlugin {
  package: PluginPackage;
  appId: string;
  routes: RouteTable;
}

/** Who a call acts for: the plugin's app and the user (null for an event about no one). */
interface Actor {
  appId: string;
  userId: string | null;
  /** The request the call serves (or the one that caused its event): its Open API calls carry this id. */
  requestId: string | undefined;
}

export interface PluginRouteCall {
  method: string;
  /** The path after `/apps/<id>/api`, e.g. `/polls/123`. */
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/** Machine-readable codes a plugin may answer with (PluginHttpError), like the host's own. */
const PLUGIN_CODE = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Built-in apps as sandboxed plugins: loads `plugins/<id>/` at start (manifest, bundle), registers each
 * as a published app, runs them in the supervisor's worker processes, dispatches routes and events into
 * them, and has its breaker (PluginBreakersService) count each outcome: a plugin that keeps failing is disabled.
 */
@Injectable()
export class PluginsService implements OnApplicationShutdown {
  private readonly logger = new Logger('Plugins');
  private readonly plugins = new Map<string, LoadedPlugin>();
  private supervisor: PluginSupervisor<Actor> | null = null;

  constructor(
    private readonly apps: AppsService,
    private readonly authorizations: AuthorizationsService,
    private readonly events: EventsService,
    private readonly bridge: PluginBridge,
    private readonly breakers: PluginBreakersService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
    private readonly metrics: Metrics,
  ) {
    metrics.provide('pluginBreakers', () =>
      this.list().map(({ plugin, health }) => ({
        pluginId: plugin.package.manifest.id,
        disabled: health.disabledAt !== null,
      })),
    );
  }

  /**
   * Loads, registers and starts every configured plugin; createHost calls it once the database is
   * migrated. A bad manifest, a bundle that does not build or a definition that does not match its
   * manifest stops the host with an error naming the plugin.
   */
  async start(): Promise<void> {
    // Begun by createHost, beside the host's own start (plugin-launch.ts); none when no plugins are configured.
    const launch = pluginLaunchOf<Actor>(this.config);
    if (!this.config.plugins || !launch || launch.packages.length === 0 || this.supervisor) return;
    for (const plugin of launch.packages) {
      const { manifest } = plugin;
      const app = await this.apps.registerBuiltIn({
        pluginId: manifest.id,
        name: manifest.name,
        description: manifest.description,
        category: manifest.category,
        iconUrl: manifest.icon ? `${this.publicBase(manifest.id)}${manifest.icon.slice('ui/'.length)}` : null,
        canvasUrl: this.publicBase(manifest.id),
        scopes: manifest.scopes,
        optionalScopes: manifest.optionalScopes,
        events: manifest.events,
        version: manifest.version,
      });
      this.plugins.set(manifest.id, {
        package: plugin,
        appId: app.id,
        routes: new RouteTable(manifest.routes),
      });
    }
    await this.breakers.loadHealth(launch.packages.map((plugin) => plugin.manifest.id));

    const callTimeoutMs = this.config.plugins.callTimeoutMs ?? LIMITS.pluginCallTimeoutMs;
    try {
      const { supervisor, loaded } = await launch.attach({
        bridge: (_pluginId, actor, request) =>
          this.bridge.request(actor.appId, actor.userId, request, callTimeoutMs, actor.requestId),
        log: (pluginId, level, message, data) =>
          this.logger[level === 'info' ? 'log' : level]({ plugin: pluginId, message, data }),
        fault: (pluginId, reason) => void this.breakers.recordFailure(pluginId, reason),
      });
      this.checkDefinitions(loaded);
      this.supervisor = supervisor;
    } catch (error) {
      await launch.stop();
      throw error;
    }
    for (const plugin of this.plugins.values()) {
      this.events.registerInProcessReceiver(plugin.appId, (event, userId) =>
        this.dispatchEvent(plugin, event, userId),
      );
    }
    this.logger.log({
      message: 'plugins started',
      plugins: [...this.plugins.keys()],
      workersPerPlugin: this.config.plugins.workersPerPlugin,
    });
  }

  /** Ends the workers, also those of a launch the host never took over because it failed to start. */
  async onApplicationShutdown(): Promise<void> {
    await pluginLaunchOf(this.config)?.stop();
  }

  /** The plugin with this id, or a 404. */
  get(pluginId: string): LoadedPlugin {
    const plugin = this.plugins.get(pluginId);
    if (!plugin) throw notFound('Plugin');
    return plugin;
  }

  list(): { plugin: LoadedPlugin; health: PluginHealth }[] {
    return [...this.plugins.values()].map((plugin) => ({
      plugin,
      health: this.breakers.of(plugin.package.manifest.id),
    }));
  }

  /** Process ids of the plugin workers, of one plugin or of all (benchmarks and tests). */
  workerPids(pluginId?: string): number[] {
    return this.supervisor?.workerPids(pluginId) ?? [];
  }

  /**
   * `/apps/<id>/api/<path>` for a signed-in user: they must have installed the app, the plugin must be
   * enabled and declare the route; the handler's `{ status, body }` is the answer.
   */
  async handleRoute(
    userId: string,
    pluginId: string,
    call: PluginRouteCall,
  ): Promise<{ status: number; body: unknown }> {
    const plugin = this.get(pluginId);
    const { manifest } = plugin.package;
    const access = await this.authorizations.active(plugin.appId, userId);
    if (!access) throw forbidden(`Install ${manifest.name} from the app center to use it`);
    this.assertEnabled(plugin);
    const match = plugin.routes.match(call.method, call.path);
    if (!match) {
      throw new ProblemException(
        HttpStatus.NOT_FOUND,
        'route_not_found',
        `${manifest.name} has no route ${call.method} ${call.path}`,
      );
    }
    if (Buffer.byteLength(JSON.stringify(call.body ?? null)) > LIMITS.pluginRequestBytes) {
      throw new ProblemException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'payload_too_large',
        `A plugin request body may have at most ${sizeText(LIMITS.pluginRequestBytes)}`,
      );
    }
    const request = {
      method: call.method,
      path: call.path,
      params: match.params,
      query: call.query,
      body: call.body,
    };
    const outcome = await this.run(plugin, 'route', match.route, request, { userId, openid: access.openid });
    if (outcome.kind === 'unavailable') {
      throw new ProblemWithHeaders(
        HttpStatus.SERVICE_UNAVAILABLE,
        'plugin_unavailable',
        `${manifest.name} ${outcome.reason}; try again in ${outcome.retryAfterSeconds} s`,
        { 'Retry-After': String(outcome.retryAfterSeconds) },
      );
    }
    if (outcome.kind === 'http-error' && isPluginProblem(outcome.status, outcome.code)) {
      // A problem the plugin chose to answer with is its reply, not a failure.
      await this.breakers.recordSuccess(pluginId);
      throw new ProblemException(outcome.status, outcome.code as ProblemCode, outcome.detail);
    }
    if (outcome.kind === 'value') {
      const response = routeResponse(JSON.parse(outcome.json));
      if (response) {
        await this.breakers.recordSuccess(pluginId);
        return response;
      }
    }
    const reason =
      outcome.kind === 'failure'
        ? outcome.reason
        : outcome.kind === 'http-error'
          ? `threw a PluginHttpError with status ${outcome.status} and code "${outcome.code}" (the status must be 400–599, the code snake_case)`
          : 'returned an invalid result: expected { status?: 2xx, body? }';
    await this.breakers.recordFailure(pluginId, reason);
    throw new ProblemException(HttpStatus.BAD_GATEWAY, 'plugin_failed', `${manifest.name} failed: ${reason}`);
  }

  /**
   * The in-process receiver of a plugin's events: the handler runs acting as the user the event is
   * about. Throwing fails the delivery, so the dispatcher retries it later.
   */
  private async dispatchEvent(plugin: LoadedPlugin, event: AppEvent, userId: string | null): Promise<void> {
    const { manifest } = plugin.package;
    if (!isEventType(event.type) || !manifest.events.includes(event.type)) return;
    // Nothing runs for a suspended user: the plugin could not act for them, and must not be blamed for it.
    if (userId !== null && (await this.authorizations.accessState(plugin.appId, userId))?.userSuspended) {
      this.logger.log({
        message: 'event dropped: its user is suspended',
        plugin: manifest.id,
        event: event.id,
      });
      return;
    }
    this.assertEnabled(plugin);
    const openid = userId === null ? '' : await this.authorizations.openidFor(plugin.appId, userId);
    const outcome = await this.run(plugin, 'event', event.type, event, { userId, openid });
    if (outcome.kind === 'unavailable') {
      // Not the plugin's fault: the delivery is retried later, and the breaker counts nothing.
      throw new Error(`${manifest.name} ${outcome.reason} on ${event.type}`);
    }
    if (outcome.kind === 'failure') {
      await this.breakers.recordFailure(manifest.id, outcome.reason);
      throw new Error(`${manifest.name} failed on ${event.type}: ${outcome.reason}`);
    }
    await this.breakers.recordSuccess(manifest.id);
    if (outcome.kind === 'http-error') {
      throw new Error(`${manifest.name} refused ${event.type}: ${outcome.code}: ${outcome.detail}`);
    }
  }

  /** An admin enables a plugin the runtime serves (see PluginBreakersService.enable); a 404 for another id. */
  async enable(adminId: string, pluginId: string): Promise<PluginHealth> {
    this.get(pluginId);
    return this.breakers.enable(adminId, pluginId);
  }

  /** An admin disables a plugin the runtime serves (see PluginBreakersService.disable); a 404 for another id. */
  async disable(adminId: string, pluginId: string, reason: string): Promise<PluginHealth> {
    this.get(pluginId);
    return this.breakers.disable(adminId, pluginId, reason);
  }

  private run(
    plugin: LoadedPlugin,
    kind: CallKind,
    name: string,
    input: unknown,
    acting: { userId: string | null; openid: string },
  ): Promise<CallOutcome> {
    if (!this.supervisor) throw new Error('The plugin runtime is not running');
    const context: CallContext = { openid: acting.openid, now: this.clock.now().getTime() };
    this.metrics.pluginCalls.inc({ plugin: plugin.package.manifest.id, kind });
    return this.supervisor.call(plugin.package.manifest.id, kind, name, input, context, {
      appId: plugin.appId,
      userId: acting.userId,
      requestId: currentRequestId(),
    });
  }

  private assertEnabled(plugin: LoadedPlugin): void {
    const health = this.breakers.of(plugin.package.manifest.id);
    if (health.disabledAt) {
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'plugin_disabled',
        health.disabledBy === 'admin'
          ? `${plugin.package.manifest.name} is disabled by an admin: ${health.disabledReason}`
          : `${plugin.package.manifest.name} is disabled after repeated failures (last: ${health.disabledReason ?? health.lastError})`,
      );
    }
  }

  private publicBase(pluginId: string): string {
    return `${this.config.publicUrl}/apps/${pluginId}/`;
  }

  /** Every declared route and event must have a handler, and every handler a declaration. */
  private checkDefinitions(reports: LoadReport[]): void {
    for (const report of reports) {
      const { manifest } = this.get(report.id).package;
      if ('error' in report)
        throw new PluginManifestError(`Plugin "${report.id}" failed to load: ${report.error}`);
      const compare = (field: 'routes' | 'events', handled: string[]) => {
        const declared: string[] = manifest[field];
        const unhandled = declared.filter((name) => !handled.includes(name));
        const undeclared = handled.filter((name) => !declared.includes(name));
        if (unhandled.length > 0 || undeclared.length > 0) {
          throw new PluginManifestError(
            `Plugin "${report.id}": manifest.json ${field} and definePlugin disagree` +
              (unhandled.length ? `; no handler for ${unhandled.join(', ')}` : '') +
              (undeclared.length ? `; not in the manifest: ${undeclared.join(', ')}` : ''),
          );
        }
      };
      compare('routes', report.routes);
      compare('events', report.events);
    }
  }
}

/** A route handler's result: `{ status?: 2xx, body? }` and nothing else, or null when it is not one. */
function routeResponse(value: unknown): { status: number; body: unknown } | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { status = 200, body, ...rest } = value as { status?: unknown; body?: unknown };
  if (Object.keys(rest).length > 0) return null;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 299) return null;
  if (status === 204 && body !== undefined) return null;
  return { status, body };
}

/** A PluginHttpError's status and code, checked before they reach a client. */
function isPluginProblem(status: number, code: string): boolean {
  return Number.isInteger(status) && status >= 400 && status <= 599 && PLUGIN_CODE.test(code);
}
