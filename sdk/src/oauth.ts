import * as oauth from 'oauth4webapi';
import { TokenSession, type TokenGrantor, type TokenSessionOptions, type TokenSet } from './token-session.js';

export type AuthorizationServer = oauth.AuthorizationServer;

/** A fetch the SDK can use instead of the global one (a proxy agent, a test double). */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface NetworkOptions {
  /**
   * Allow plain `http://` URLs. Only for development against a host on your own machine
   * (e.g. `http://localhost:3000`); never in production, where tokens would travel in clear text.
   */
  allowInsecureRequests?: boolean;
  fetch?: FetchLike;
}

/** The `scope` values Kongjian knows. Other strings are allowed so a newer server's scopes can be asked for. */
export type KongjianScope = 'profile:read' | 'friends:read' | 'feed:write' | 'storage' | (string & {});

/**
 * An error the authorization server reported in RFC 6749 form: `access_denied` when the user declined
 * consent, `invalid_grant` when a code or refresh token no longer works (sign the user in again), ...
 */
export class KongjianOAuthError extends Error {
  override readonly name = 'KongjianOAuthError';

  constructor(
    /** The RFC 6749 error code. */
    readonly error: string,
    readonly errorDescription: string | undefined,
    /** The HTTP status of the token endpoint's answer; absent for an error sent back to the redirect URI. */
    readonly status: number | undefined,
    options?: ErrorOptions,
  ) {
    super(errorDescription ? `${error}: ${errorDescription}` : error, options);
  }
}

function requestOptions(network: NetworkOptions): {
  [oauth.allowInsecureRequests]?: boolean;
  [oauth.customFetch]?: FetchLike;
} {
  return {
    ...(network.allowInsecureRequests ? { [oauth.allowInsecureRequests]: true } : {}),
    ...(network.fetch ? { [oauth.customFetch]: network.fetch } : {}),
  };
}

/** Server-reported OAuth errors become {@link KongjianOAuthError}; anything else is rethrown as is. */
async function oauthErrors<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError) {
      throw new KongjianOAuthError(error.error, error.error_description, error.status, { cause: error });
    }
    if (error instanceof oauth.AuthorizationResponseError) {
      throw new KongjianOAuthError(error.error, error.error_description, undefined, { cause: error });
    }
    throw error;
  }
}

/**
 * Reads Kongjian's authorization server metadata (RFC 8414) from
 * `<issuer>/.well-known/oauth-authorization-server` and checks that it names the same issuer.
 */
export async function discover(
  issuer: string | URL,
  network: NetworkOptions = {},
): Promise<AuthorizationServer> {
  const issuerUrl = new URL(issuer);
  const response = await oauth.discoveryRequest(issuerUrl, {
    algorithm: 'oauth2',
    ...requestOptions(network),
  });
  return oauth.processDiscoveryResponse(issuerUrl, response);
}

export interface KongjianOAuthOptions extends NetworkOptions {
  clientId: string;
  /** A confidential app's secret. Leave it out for a public client (a browser or mobile app), which relies on PKCE alone. */
  clientSecret?: string;
  /** How a confidential app presents its secret to the token endpoint; `client_secret_basic` unless set. */
  clientAuthentication?: 'client_secret_basic' | 'client_secret_post';
  /** Exactly one of the redirect URIs registered for the app. */
  redirectUri: string;
}

/** What to keep (server-side, or in the browser's session storage) between sending the user off and the callback. */
export interface PendingAuthorization {
  state: string;
  codeVerifier: string;
}

export interface AuthorizationRequest extends PendingAuthorization {
  /** Send the user's browser here. */
  url: URL;
}

function toTokenSet(response: oauth.TokenEndpointResponse, previous?: TokenSet): TokenSet {
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? previous?.refreshToken,
    expiresAt: typeof response.expires_in === 'number' ? Date.now() + response.expires_in * 1000 : undefined,
    scope:
      typeof response.scope === 'string'
        ? response.scope.split(' ').filter(Boolean)
        : (previous?.scope ?? []),
  };
}

/**
 * An app's side of Kongjian's OAuth2 authorization code flow with PKCE (S256), on oauth4webapi.
 * Build it with {@link KongjianOAuth.discover}.
 */
export class KongjianOAuth implements TokenGrantor {
  private readonly client: oauth.Client;
  private readonly clientAuth: oauth.ClientAuth;

  constructor(
    readonly server: AuthorizationServer,
    private readonly options: KongjianOAuthOptions,
  ) {
    if (!server.code_challenge_methods_supported?.includes('S256')) {
      throw new Error(`${server.issuer} does not offer PKCE with S256`);
    }
    this.client = { client_id: options.clientId };
    if (options.clientSecret === undefined) this.clientAuth = oauth.None();
    else if (options.clientAuthentication === 'client_secret_post') {
      this.clientAuth = oauth.ClientSecretPost(options.clientSecret);
    } else this.clientAuth = oauth.ClientSecretBasic(options.clientSecret);
  }

  /** Discovers the server at `issuer` (Kongjian's public URL) and returns a client for it. */
  static async discover(issuer: string | URL, options: KongjianOAuthOptions): Promise<KongjianOAuth> {
    return new KongjianOAuth(await discover(issuer, options), options);
  }

  /**
   * The URL to send the user to, with a fresh `state` and PKCE verifier. Keep both (never in a place the
   * user's browser can be made to write) until the callback.
   */
  async authorizationUrl(request: { scope: KongjianScope[] }): Promise<AuthorizationRequest> {
    if (!this.server.authorization_endpoint)
      throw new Error(`${this.server.issuer} has no authorization endpoint`);
    const codeVerifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const url = new URL(this.server.authorization_endpoint);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', this.options.clientId);
    url.searchParams.set('redirect_uri', this.options.redirectUri);
    url.searchParams.set('scope', request.scope.join(' '));
    url.searchParams.set('state', state);
    url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
    url.searchParams.set('code_challenge_method', 'S256');
    return { url, state, codeVerifier };
  }

  /**
   * Handles the redirect back to the app: checks `state` and the issuer (`iss`), then exchanges the code
   * with the PKCE verifier. Throws {@link KongjianOAuthError} when the user declined (`access_denied`) or the
   * code is no good, and oauth4webapi's `OperationProcessingError` when the callback does not belong to
   * `pending` (a forged or replayed callback).
   */
  async exchangeCallback(callbackUrl: string | URL, pending: PendingAuthorization): Promise<TokenSet> {
    return oauthErrors(async () => {
      const parameters = oauth.validateAuthResponse(
        this.server,
        this.client,
        new URL(callbackUrl),
        pending.state,
      );
      const response = await oauth.authorizationCodeGrantRequest(
        this.server,
        this.client,
        this.clientAuth,
        parameters,
        this.options.redirectUri,
        pending.codeVerifier,
        requestOptions(this.options),
      );
      return toTokenSet(await oauth.processAuthorizationCodeResponse(this.server, this.client, response));
    });
  }

  /** Exchanges a refresh token for new tokens. The refresh token rotates: store the new one. */
  async refresh(refreshToken: string, previous?: TokenSet): Promise<TokenSet> {
    return oauthErrors(async () => {
      const response = await oauth.refreshTokenGrantRequest(
        this.server,
        this.client,
        this.clientAuth,
        refreshToken,
        requestOptions(this.options),
      );
      return toTokenSet(
        await oauth.processRefreshTokenResponse(this.server, this.client, response),
        previous,
      );
    });
  }

  /** Revokes a token (RFC 7009). Revoking a refresh token ends the whole grant. */
  async revoke(token: string, tokenTypeHint?: 'access_token' | 'refresh_token'): Promise<void> {
    return oauthErrors(async () => {
      const response = await oauth.revocationRequest(this.server, this.client, this.clientAuth, token, {
        ...requestOptions(this.options),
        ...(tokenTypeHint ? { additionalParameters: { token_type_hint: tokenTypeHint } } : {}),
      });
      await oauth.processRevocationResponse(response);
    });
  }

  /** Wraps tokens in a {@link TokenSession} that refreshes them on its own. */
  session(tokens: TokenSet, options?: TokenSessionOptions): TokenSession {
    return new TokenSession(this, tokens, options);
  }
}
