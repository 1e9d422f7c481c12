import { LIMITS } from '../common/limits';
import type { HostConfig, PluginsConfig } from '../config/config';
import { bundlePlugin } from './plugin-bundle';
import { loadPluginPackages, type PluginPackage } from './plugin-manifest';
import type { LoadReport, SandboxLimits } from './plugin-protocol';
import { PluginSupervisor, type SupervisorOptions } from './plugin-supervisor';

/** What the supervisor calls back into the host for: PluginsService's, once it takes the launch over. */
export type PluginCallbacks<Actor> = Pick<SupervisorOptions<Actor>, 'bridge' | 'log' | 'fault'>;

/**
 * The plugins' bundles and worker processes, started before the rest of the host. Bundling every plugin and
 * starting its workers takes about as long as the host's own start (module loading, the embedded database,
 * dependency injection) and needs no database, so createHost begins it first and it runs beside that on the
 * other core; PluginsService takes it over once the database is migrated (it registers the plugins' apps,
 * then waits for what the workers loaded). Until then what the workers ask of the host waits: their log
 * lines and faults are replayed, their Open API requests answered, once PluginsService attaches.
 */
export class PluginLaunch<Actor> {
  readonly packages: PluginPackage[];
  /** What each plugin's first worker loaded; rejects if a bundle does not build or a worker dies first. */
  readonly loaded: Promise<LoadReport[]>;
  private supervisor: PluginSupervisor<Actor> | null = null;
  private callbacks: PluginCallbacks<Actor> | null = null;
  private readonly waiting: ((callbacks: PluginCallbacks<Actor>) => void)[] = [];

  /** Reads the manifests now (a bad one throws here, naming its plugin) and starts bundling. */
  constructor(config: PluginsConfig) {
    this.packages = loadPluginPackages(config.dir, config.only);
    this.loaded = this.start(config);
    // Awaited by PluginsService.start or stop; a failure must not count as unhandled before then.
    this.loaded.catch(() => undefined);
  }

  /** Hands the workers' callbacks to the host; the supervisor, once what the workers loaded is in. */
  async attach(
    callbacks: PluginCallbacks<Actor>,
  ): Promise<{ supervisor: PluginSupervisor<Actor> | null; loaded: LoadReport[] }> {
    this.callbacks = callbacks;
    for (const replay of this.waiting.splice(0)) replay(callbacks);
    const loaded = await this.loaded;
    return { supervisor: this.supervisor, loaded };
  }

  /** Ends the workers, once they have started or failed to (a host that failed to start ends them too). */
  async stop(): Promise<void> {
    await this.loaded.catch(() => undefined);
    await this.supervisor?.stop();
  }

  private async start(config: PluginsConfig): Promise<LoadReport[]> {
    if (this.packages.length === 0) return [];
    const sources = await Promise.all(this.packages.map(bundlePlugin));
    this.supervisor = new PluginSupervisor<Actor>({
      plugins: sources,
      workersPerPlugin: config.workersPerPlugin,
      limits: sandboxLimits(config.callTimeoutMs ?? LIMITS.pluginCallTimeoutMs),
      processMemoryMb: config.processMemoryMb ?? LIMITS.pluginProcessMemoryMb,
      bridge: (pluginId, actor, request) =>
        new Promise((resolve, reject) =>
          this.withCallbacks((callbacks) => callbacks.bridge(pluginId, actor, request).then(resolve, reject)),
        ),
      log: (pluginId, level, message, data) =>
        this.withCallbacks((callbacks) => callbacks.log(pluginId, level, message, data)),
      fault: (pluginId, reason) => this.withCallbacks((callbacks) => callbacks.fault(pluginId, reason)),
    });
    return this.supervisor.start();
  }

  private withCallbacks(use: (callbacks: PluginCallbacks<Actor>) => void): void {
    if (this.callbacks) use(this.callbacks);
    else this.waiting.push(use);
  }
}

/** The launch begun for each host configuration (createHost begins it; PluginsService takes it over). */
const launches = new WeakMap<HostConfig, PluginLaunch<unknown>>();

/** Begins the plugins of this configuration, if it has any, and keeps the launch for {@link pluginLaunchOf}. */
export function beginPluginLaunch(config: HostConfig): PluginLaunch<unknown> | undefined {
  if (!config.plugins) return undefined;
  const launch = new PluginLaunch<unknown>(config.plugins);
  launches.set(config, launch);
  return launch;
}

/** The launch begun for this configuration, if any. */
export function pluginLaunchOf<Actor>(config: HostConfig): PluginLaunch<Actor> | undefined {
  return launches.get(config) as PluginLaunch<Actor> | undefined;
}

/** The sandbox's limits from LIMITS, with the wall clock of one call (tests shorten it). */
export function sandboxLimits(callTimeoutMs: number): SandboxLimits {
  return {
    memoryMb: LIMITS.pluginMemoryMb,
    cpuMsPerCall: LIMITS.pluginCpuMsPerCall,
    callTimeoutMs,
    resultBytes: LIMITS.pluginResultBytes,
    logLinesPerMinute: LIMITS.pluginLogLinesPerMinute,
    logLinesPerCall: LIMITS.pluginLogLinesPerCall,
    logMessageMax: LIMITS.pluginLogMessageMax,
    reasonMax: LIMITS.pluginReasonMax,
    problemDetailMax: LIMITS.pluginProblemDetailMax,
    bridgeRequestsPerCall: LIMITS.pluginBridgeRequestsPerCall,
    bridgeConcurrentPerCall: LIMITS.pluginBridgeConcurrentPerCall,
    bridgeRequestBytes: LIMITS.pluginBridgeRequestBytes,
    retryAfterSeconds: LIMITS.pluginRetryAfterSeconds,
  };
}
