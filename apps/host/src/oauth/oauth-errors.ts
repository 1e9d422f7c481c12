import { AuthorizationError, TokenError } from 'oauth2orize';
import { PageError } from '../common/pages';

export type TokenErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope';

/**
 * An RFC 6749 §5.2 token endpoint error. oauth2orize's defaults (403 for invalid_grant, 501 for an
 * unsupported grant type) differ from the RFC, which says 400 for everything but invalid_client.
 */
export function tokenError(code: TokenErrorCode, description: string): TokenError {
  return new TokenError(description, code, undefined, code === 'invalid_client' ? 401 : 400);
}

/** An error the authorization endpoint reports to the client by redirecting to its redirect URI. */
export function authorizationError(
  code: 'invalid_request' | 'invalid_scope' | 'access_denied',
  description: string,
): AuthorizationError {
  return new AuthorizationError(description, code);
}

/**
 * An authorization request that must not redirect (unknown client, unregistered redirect URI,
 * suspended app, a forged consent decision): the user sees an HTML page instead.
 */
export class AuthorizationPageError extends PageError {}
