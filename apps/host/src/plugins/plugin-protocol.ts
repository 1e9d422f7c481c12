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
  logLinesPerCall: number;
  logMessageMax: number;
  reasonMax: number;
  problemDetailMax: number;
  /** Per call: Open API requests in all and at a time, and characters of one request's JSON. */
  bridgeRequestsPerCall: number;
  bridgeConcurrentPerCall: number;
  bridgeRequestBytes: number;
  /** What an interrupted or crowded-out call tells its caller to wait before trying again. */
  retryAfterSeconds: number;
}

/** The longest `code` of a problem a plugin answers with (PluginHttpError). */
export const PROBLEM_CODE_MAX = 64;

/** Cuts what a plugin produced to at most `max` characters (reasons, details, log lines). */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
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
  | { kind: 'failure'; reason: string }
  /** The call was interrupted by another call's fault, or never got to run: not counted against anyone. */
  | { kind: 'unavailable'; reason: string; retryAfterSeconds: number };

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
  /** The call is run again on a fresh isolate: its wall-clock limit starts again. */
  | { type: 'rerun'; callId: number }
  /**
   * An isolate of this worker was thrown away while its code ran: a built-in (a sort, a split) may go on
   * using CPU where no timeout reaches it, so the worker should take no more calls and be replaced.
   */
  | { type: 'retire'; reason: string }
  /** A fault of the plugin no one call is blamed for (several shared the isolate it broke): count it once. */
  | { type: 'fault'; reason: string }
  | { type: 'bridge'; requestId: number; callId: number; pluginId: string; request: BridgeRequest }
  | { type: 'log'; pluginId: string; level: 'info' | 'warn' | 'error'; message: string; data?: unknown };
