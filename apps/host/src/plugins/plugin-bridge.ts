import type { AddressInfo } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AuthorizationsService } from '../apps/authorizations.service';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { REQUEST_ID_HEADER } from '../common/request-context';
import { DatabaseService } from '../database/database.module';
import { OAuthTokensService } from '../oauth/oauth-tokens.service';
import { OPEN_API_PREFIX } from '../open-api/open-api.decorators';
import type { BridgeRequest, BridgeResult } from './plugin-protocol';
import { ROUTE_METHODS } from './plugin-routes';

/** Request headers a plugin may set; the bridge sets Authorization and Content-Type itself. */
const FORWARDED_HEADERS = new Set(['if-match', 'if-none-match', 'idempotency-key']);
const IGNORED_HEADERS = new Set(['content-type', 'accept']);
/** Resolves paths without letting an absolute URL or `..` leave the Open API. */
const PLACEHOLDER_ORIGIN = 'http://bridge.invalid';

interface CachedToken {
  token: string;
  expiresAt: number;
}

/**
 * `ctx.api.request` of a plugin: a real HTTP request to this host's own `/open/v1`, carrying an access
 * token for (plugin app, acting user) minted from the user's active authorization. No private back
 * door: the plugin gets exactly what a third-party app with the same grant would.
 */
@Injectable()
export class PluginBridge {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly minting = new Map<string, Promise<CachedToken | null>>();

  constructor(
    private readonly oauthTokens: OAuthTokensService,
    private readonly database: DatabaseService,
    private readonly adapterHost: HttpAdapterHost,
    authorizations: AuthorizationsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    authorizations.onRevoked(async (appId, userId) => {
      this.tokens.delete(`${appId}:${userId}`);
    });
  }

  async request(
    appId: string,
    userId: string | null,
    request: BridgeRequest,
    timeoutMs: number,
    requestId?: string,
  ): Promise<BridgeResult> {
    const method = String(request.method).toUpperCase();
    if (!(ROUTE_METHODS as readonly string[]).includes(method)) {
      return { ok: false, error: `ctx.api.request: unsupported method "${request.method}"` };
    }
    const url = new URL(String(request.path), PLACEHOLDER_ORIGIN);
    if (url.origin !== PLACEHOLDER_ORIGIN || !`${url.pathname}/`.startsWith(`/${OPEN_API_PREFIX}/`)) {
      return { ok: false, error: `ctx.api.request only reaches the Open API (/${OPEN_API_PREFIX}/…)` };
    }
    for (const [name, value] of Object.entries(request.query ?? {}))
      url.searchParams.set(name, String(value));
    const headers: Record<string, string> = { accept: 'application/json' };
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      const lower = name.toLowerCase();
      if (IGNORED_HEADERS.has(lower)) continue;
      if (!FORWARDED_HEADERS.has(lower)) return { ok: false, error: `ctx.api.request may not set ${name}` };
      headers[lower] = String(value);
    }
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    // The Open API's log line of this call names the request the plugin serves.
    if (requestId !== undefined) headers[REQUEST_ID_HEADER.toLowerCase()] = requestId;
    if (userId === null) return { ok: false, error: 'This call acts for no user, so it cannot use ctx.api' };

    const send = async (token: string): Promise<Response> =>
      fetch(`http://127.0.0.1:${this.port()}${url.pathname}${url.search}`, {
        method,
        headers: { ...headers, authorization: `Bearer ${token}` },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    let token = await this.tokenFor(appId, userId);
    if (!token) return notInstalled();
    let response = await send(token.token);
    if (response.status === 401) {
      // The cached token may have been revoked (an uninstall elsewhere): mint once more and retry.
      this.tokens.delete(`${appId}:${userId}`);
      token = await this.tokenFor(appId, userId);
      if (!token) return notInstalled();
      response = await send(token.token);
    }
    const text = await response.text();
    if (Buffer.byteLength(text) > LIMITS.pluginBridgeResponseBytes) {
      return {
        ok: false,
        error: `ctx.api.request: the response is over the limit of ${LIMITS.pluginBridgeResponseBytes} bytes`,
      };
    }
    let body: unknown = text === '' ? null : text;
    if (text !== '' && /json/.test(response.headers.get('content-type') ?? '')) body = JSON.parse(text);
    return { ok: true, status: response.status, headers: Object.fromEntries(response.headers), body };
  }

  /** The cached token for the pair, or a fresh one when it is missing or close to expiry. */
  private async tokenFor(appId: string, userId: string): Promise<CachedToken | null> {
    const key = `${appId}:${userId}`;
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt - this.clock.now().getTime() > LIMITS.pluginTokenRenewSeconds * 1000) {
      return cached;
    }
    let pending = this.minting.get(key);
    if (!pending) {
      pending = this.database
        .withContext(() => this.oauthTokens.issuePluginToken(appId, userId))
        .then((issued) => {
          const fresh = issued && { token: issued.token, expiresAt: issued.expiresAt.getTime() };
          if (fresh) this.tokens.set(key, fresh);
          else this.tokens.delete(key);
          return fresh;
        })
        .finally(() => this.minting.delete(key));
      this.minting.set(key, pending);
    }
    return pending;
  }

  private port(): number {
    const address = this.adapterHost.httpAdapter?.getHttpServer()?.address() as AddressInfo | null;
    if (!address) throw new Error('The host is not listening, so plugins cannot reach the Open API');
    return address.port;
  }
}

/** What the Open API itself would answer for a token of a user who withdrew consent. */
function notInstalled(): BridgeResult {
  return {
    ok: true,
    status: 401,
    headers: { 'content-type': 'application/problem+json' },
    body: {
      type: 'urn:kongjian:problem:invalid_token',
      title: 'Unauthorized',
      status: 401,
      code: 'invalid_token',
      detail: 'The user has not installed this app, or has uninstalled it',
    },
  };
}
