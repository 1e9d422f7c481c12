import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { authorizationError } from './oauth-errors';

/** RFC 7636 §4.1: 43–128 characters of the unreserved set. */
const VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;
/** An S256 challenge is the base64url of a sha256: always 43 characters. */
const S256_CHALLENGE_PATTERN = /^[A-Za-z0-9\-_]{43}$/;

export interface PkceRequest {
  codeChallenge?: string;
  codeChallengeMethod?: string;
}

/**
 * The oauth2orize grant extension that reads the PKCE parameters of any authorization request. It only
 * records them: refusing here would show an error page, while RFC 7636 §4.4.1 wants the client told
 * by redirect, which needs the client and redirect URI validated first (see `pkceProblem`).
 */
export function pkceExtension() {
  return {
    name: '*',
    request(req: Request): PkceRequest {
      const { code_challenge: challenge, code_challenge_method: method } = req.query;
      return {
        codeChallenge: typeof challenge === 'string' ? challenge : undefined,
        codeChallengeMethod: typeof method === 'string' ? method : undefined,
      };
    },
  };
}

/** Every client must use S256 (no challenge and `plain` are both refused), or the error to redirect with. */
export function pkceProblem(request: PkceRequest) {
  if (!request.codeChallenge) {
    return authorizationError('invalid_request', 'code_challenge is required (PKCE with S256)');
  }
  if (request.codeChallengeMethod !== 'S256') {
    return authorizationError('invalid_request', 'code_challenge_method must be S256');
  }
  if (!S256_CHALLENGE_PATTERN.test(request.codeChallenge)) {
    return authorizationError(
      'invalid_request',
      'code_challenge must be the base64url SHA-256 of the code_verifier (43 characters)',
    );
  }
  return null;
}

/** Whether the token request's verifier hashes to the challenge stored with the code. */
export function verifierMatches(verifier: unknown, challenge: string): boolean {
  if (typeof verifier !== 'string' || !VERIFIER_PATTERN.test(verifier)) return false;
  const computed = Buffer.from(createHash('sha256').update(verifier).digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}
