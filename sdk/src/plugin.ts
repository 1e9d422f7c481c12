/**
 * Writing a Kongjian plugin: a built-in app whose code runs inside the host's sandbox (an isolate in a
 * worker process). A plugin's module default-exports `definePlugin({...})`. Inside the sandbox there is
 * no `require`, no filesystem, network or timers: only what `PluginContext` hands each call.
 */

/** The Open API as the acting user, bridged to the host with the plugin's OAuth token for that user. */
export interface PluginApi {
  request<T = unknown>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    /** An Open API path, e.g. `/open/v1/me`. */
    path: string,
    options?: { body?: unknown; headers?: Record<string, string>; query?: Record<string, string | number> },
  ): Promise<PluginApiResponse<T>>;
}

export interface PluginApiResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

export interface PluginLogger {
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
}

export interface PluginContext {
  api: PluginApi;
  /** The user the call acts for, as this app's openid. */
  user: { openid: string };
  /** The host's clock in epoch milliseconds (tests move it; there is no Date.now you should trust). */
  now(): number;
  log: PluginLogger;
}

/** A call to `/apps/<id>/api/<path>` from the plugin's canvas UI, under the signed-in user's session. */
export interface PluginRequest {
  method: string;
  /** The path after `/apps/<id>/api`, e.g. `/polls/123`. */
  path: string;
  /** Named segments of the matched route pattern (`/polls/:id` → `{ id: '123' }`). */
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}

export interface PluginResponse {
  status?: number;
  body?: unknown;
}

/** An event delivered to the plugin (the same JSON a third-party app's webhook receives). */
export interface PluginEvent {
  id: string;
  type: string;
  appId: string;
  createdAt: string;
  data: Record<string, unknown>;
}

export type RouteHandler = (
  ctx: PluginContext,
  request: PluginRequest,
) => Promise<PluginResponse> | PluginResponse;
export type EventHandler = (ctx: PluginContext, event: PluginEvent) => Promise<void> | void;

export interface PluginDefinition {
  /** Keys are `METHOD /pattern`, e.g. `POST /polls/:id/votes`. */
  routes?: Record<string, RouteHandler>;
  /** Keys are event types, e.g. `order.paid`. */
  events?: Record<string, EventHandler>;
}

/** Thrown by a handler to answer with a problem (`application/problem+json`) instead of a body. */
export class PluginHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(detail);
  }
}

export function definePlugin(definition: PluginDefinition): PluginDefinition {
  return definition;
}
