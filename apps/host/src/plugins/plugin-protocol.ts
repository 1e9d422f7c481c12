/**
 * Messages between the host (the supervisor) and a plugin worker process, over the IPC channel. Every
 * value is plain JSON: nothing of isolated-vm crosses the process boundary.
 */

export interface PluginSource {
  id: string;
  /** The bundled script (an IIFE assigning the plugin module to `PLUGIN_GLOBAL`). */
  code: string;
}

/** The name the bundle assigns the plugin module to; the sandbox removes it once it has read it. */
export const PLUGIN_GLOBAL = '__kongjianPlugin';

export interface SandboxLimits {
  memoryMb: number;
  cpuMsPerCall: number;
  callTimeoutMs: number;
  resultBytes: number;
  logLinesPerMinute: number;
  logMessageMax: number;
}

/** What the plugin's definition declares, read once its isolate has run the bundle. */
export type LoadReport = { id: string; routes: string[]; events: string[] } | { id: string; error: string };

export type CallKind = 'route' | 'event';

export interface CallContext {
  /** The acting user, as the plugin's app knows them. */
  openid: string;
  /** The host's clock (epoch milliseconds) when the call started. */
  now: number;
}

/** How a call ended. `failure` is the plugin's fault (it counts towards the circuit breaker). */
export type CallOutcome =
  | { kind: 'value'; json: string }
  | { kind: 'http-error'; status: number; code: string; detail: string }
  | { kind: 'failure'; reason: string };

export interface BridgeRequest {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number>;
}

export type BridgeResult =
  { ok: true; status: number; headers: Record<string, string>; body: unknown } | { ok: false; error: string };

export type HostMessage =
  | { type: 'load'; plugins: PluginSource[]; limits: SandboxLimits }
  | {
      type: 'call';
      callId: number;
      pluginId: string;
      kind: CallKind;
      /** The route key (`GET /polls/:id`) or the event type. */
      name: string;
      input: unknown;
      context: CallContext;
    }
  | { type: 'bridge-result'; requestId: number; result: BridgeResult };

export type WorkerMessage =
  | { type: 'loaded'; plugins: LoadReport[] }
  | { type: 'result'; callId: number; outcome: CallOutcome }
  | { type: 'bridge'; requestId: number; callId: number; pluginId: string; request: BridgeRequest }
  | { type: 'log'; pluginId: string; level: 'info' | 'warn' | 'error'; message: string; data?: unknown };
