/** What the token endpoint gave an app, in a form that can be stored as JSON (e.g. in a server-side session). */
export interface TokenSet {
  accessToken: string;
  /** Absent when the server issued none; Kongjian rotates it on every refresh. */
  refreshToken?: string;
  /** When the access token stops working, in epoch milliseconds; absent when the server did not say. */
  expiresAt?: number;
  /** The scopes the user granted, which may be fewer than the app asked for (consent can untick optional ones). */
  scope: string[];
}

/** Anything that can hand out a current access token; the Open API client asks it before every request. */
export interface AccessTokenSource {
  getAccessToken(): Promise<string>;
}

/** The token endpoint operations a {@link TokenSession} needs; {@link KongjianOAuth} provides them. */
export interface TokenGrantor {
  refresh(refreshToken: string, previous: TokenSet): Promise<TokenSet>;
  revoke(token: string, tokenTypeHint: 'access_token' | 'refresh_token'): Promise<void>;
}

export interface TokenSessionOptions {
  /** Refresh this long before the access token expires, so a request never leaves with a dying token. */
  refreshMarginSeconds?: number;
  /**
   * Called with every new token set. Persist it: the refresh token rotates, and the previous one stops
   * working (presenting it again revokes the whole grant).
   */
  onTokens?: (tokens: TokenSet) => void | Promise<void>;
  /** The current time in epoch milliseconds; for tests. */
  now?: () => number;
}

/** Sixty seconds covers clock skew and a slow request. */
export const DEFAULT_REFRESH_MARGIN_SECONDS = 60;

/**
 * One user's tokens for one app. Hands out an access token, refreshing it shortly before it expires.
 * Concurrent callers share a single refresh: with rotating refresh tokens, two refreshes in flight would
 * present the same refresh token twice, and the server treats the second as theft and revokes the grant.
 */
export class TokenSession implements AccessTokenSource {
  private current: TokenSet;
  private refreshing: Promise<TokenSet> | undefined;
  private readonly marginMs: number;
  private readonly now: () => number;

  constructor(
    private readonly grantor: TokenGrantor,
    tokens: TokenSet,
    private readonly options: TokenSessionOptions = {},
  ) {
    this.current = tokens;
    this.marginMs = (options.refreshMarginSeconds ?? DEFAULT_REFRESH_MARGIN_SECONDS) * 1000;
    this.now = options.now ?? Date.now;
  }

  /** The latest tokens, to store. */
  get tokens(): TokenSet {
    return this.current;
  }

  /** A usable access token, refreshed first when it expires within the margin (and can be refreshed). */
  async getAccessToken(): Promise<string> {
    if (this.refreshing) return (await this.refreshing).accessToken;
    const { expiresAt, refreshToken } = this.current;
    if (refreshToken !== undefined && expiresAt !== undefined && this.now() >= expiresAt - this.marginMs) {
      return (await this.refresh()).accessToken;
    }
    return this.current.accessToken;
  }

  /** Refreshes now; while one refresh is in flight every caller gets that one. */
  refresh(): Promise<TokenSet> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<TokenSet> {
    const { refreshToken } = this.current;
    if (refreshToken === undefined) throw new Error('This token session has no refresh token');
    const next = await this.grantor.refresh(refreshToken, this.current);
    this.current = next;
    await this.options.onTokens?.(next);
    return next;
  }

  /**
   * Signs the app out for this user: revokes the refresh token (which ends the grant) and the access
   * token. The session is unusable afterwards.
   */
  async revoke(): Promise<void> {
    const pending = this.refreshing;
    if (pending) await pending.catch(() => undefined);
    const { accessToken, refreshToken } = this.current;
    if (refreshToken !== undefined) await this.grantor.revoke(refreshToken, 'refresh_token');
    await this.grantor.revoke(accessToken, 'access_token');
  }
}
