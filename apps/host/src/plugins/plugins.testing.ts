import path from 'node:path';
import { AuthorizationsService } from '../apps/authorizations.service';
import { type Scope } from '../apps/scopes';
import type { LogOptions } from '../common/logging';
import { type HostConfig, DEFAULT_PLUGINS_DIR } from '../config/config';
import { EventDispatcher } from '../events/event-dispatcher.service';
import { TestFactory, type TestUser } from '../testing/factory';
import { type ApiResponse, TestHost } from '../testing/test-host';
import { PluginsService } from './plugins.service';

/** The hostile and helper plugins of the runtime's own tests (never built into dist). */
export const FIXTURE_PLUGINS_DIR = path.join(__dirname, 'fixtures');

export interface PluginTestKitOptions {
  /** Run only these plugins (all in the folder when absent). */
  plugins?: string[];
  /** The repository's `plugins/` by default; FIXTURE_PLUGINS_DIR for the runtime's fixtures. */
  pluginsDir?: string;
  /** Worker processes of each plugin (1 by default, to spare the test machine). */
  workersPerPlugin?: number;
  /** The wall-clock limit of one call (LIMITS.pluginCallTimeoutMs by default). */
  callTimeoutMs?: number;
  /** The memory ceiling of one worker process (LIMITS.pluginProcessMemoryMb by default). */
  processMemoryMb?: number;
  /** Anything else of the host configuration. */
  config?: Partial<HostConfig>;
  /** Captures the host's log lines (quiet by default). */
  logger?: LogOptions;
}

/**
 * End-to-end tests of plugins: a TestHost listening on a port (the bridge calls the Open API over real
 * HTTP) with the plugin runtime up, and helpers to install plugins and call their routes as users.
 */
export class PluginTestKit {
  readonly factory: TestFactory;

  private constructor(
    readonly host: TestHost,
    readonly baseUrl: string,
  ) {
    this.factory = new TestFactory(host);
  }

  static async start(options: PluginTestKitOptions = {}): Promise<PluginTestKit> {
    const host = await TestHost.start(
      {
        ...options.config,
        plugins: {
          dir: options.pluginsDir ?? DEFAULT_PLUGINS_DIR,
          only: options.plugins,
          workersPerPlugin: options.workersPerPlugin ?? 1,
          callTimeoutMs: options.callTimeoutMs,
          processMemoryMb: options.processMemoryMb,
        },
      },
      { logger: options.logger },
    );
    try {
      return new PluginTestKit(host, await host.listen());
    } catch (error) {
      await host.close();
      throw error;
    }
  }

  get plugins(): PluginsService {
    return this.host.app.get(PluginsService);
  }

  /** The id of the app the plugin is registered as. */
  appId(pluginId: string): string {
    return this.plugins.get(pluginId).appId;
  }

  /** The user installs the plugin from the app center, declining the given optional scopes. */
  async installFor(user: TestUser, pluginId: string, declinedScopes: Scope[] = []): Promise<void> {
    const response = await this.host.post(`/app-center/apps/${this.appId(pluginId)}/install`, {
      token: user.token,
      body: { declinedScopes },
      raw: true,
    });
    if (response.status !== 200)
      throw new Error(`install failed (${response.status}): ${JSON.stringify(response.body)}`);
  }

  /** The user uninstalls the plugin from the app center; its tokens end at once. */
  async uninstallFor(user: TestUser, pluginId: string): Promise<void> {
    const response = await this.host.delete(`/app-center/apps/${this.appId(pluginId)}/install`, {
      token: user.token,
      raw: true,
    });
    if (response.status !== 204)
      throw new Error(`uninstall failed (${response.status}): ${JSON.stringify(response.body)}`);
  }

  /**
   * Calls a plugin route as the user: `call(alice, 'POST', '/apps/polls/api/polls', {...})`. Not checked
   * against the OpenAPI document, which describes plugin routes only as "the plugin's JSON".
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- like TestHost: assertions read untyped JSON
  call<T = any>(user: TestUser, method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.host.call<T>(method, path, { token: user.token, body, raw: true });
  }

  /** The user's openid for the plugin's app (what the plugin sees as `ctx.user.openid`). */
  openid(user: TestUser, pluginId: string): Promise<string> {
    return this.host.app.get(AuthorizationsService).openidFor(this.appId(pluginId), user.id);
  }

  /** Delivers every due event now (to plugins in-process), instead of waiting for the poller. */
  deliverEvents(): Promise<number> {
    return this.host.app.get(EventDispatcher).deliverDue();
  }

  /** Process ids of the plugin workers, of one plugin or of all. */
  workerPids(pluginId?: string): number[] {
    return this.plugins.workerPids(pluginId);
  }

  close(): Promise<void> {
    return this.host.close();
  }
}
