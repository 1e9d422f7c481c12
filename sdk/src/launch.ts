import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';

/** Launch tokens live at most this long; the host issues them for less. */
const MAX_LAUNCH_TOKEN_AGE_SECONDS = 300;

export interface VerifyLaunchTokenOptions {
  /** The Kongjian host's public URL, exactly as its OAuth metadata names the issuer. */
  issuer: string;
  /** Your app's client_id: a token launched for another app is refused. */
  audience: string;
  /** Where the host publishes its key set; defaults to `${issuer}/.well-known/jwks.json`. */
  jwksUrl?: string;
  /** The time to check expiry against (tests); defaults to now. */
  now?: Date;
}

export interface LaunchContext {
  /** The user who opened your canvas, as your app knows them. */
  openid: string;
  /** Random per launch: remember the ones you have seen until `expiresAt` to refuse a replay. */
  nonce: string;
  expiresAt: Date;
}

/** A launch token that did not verify; `code` is jose's error code when jose found the problem. */
export class LaunchTokenError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'LaunchTokenError';
  }
}

const keySets = new Map<string, JWTVerifyGetKey>();

/** One key set per URL, so its cache (and its rate limit on refetching) is shared by every call. */
function keySetAt(url: string): JWTVerifyGetKey {
  let keySet = keySets.get(url);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(url));
    keySets.set(url, keySet);
  }
  return keySet;
}

/**
 * Verifies the launch token the app center hands your canvas (`POST /app-center/apps/{id}/launch`):
 * an ES256 JWT signed by the host's key set, for your client_id, naming the user by openid, with a
 * nonce, at most five minutes old and not expired. Call it on your backend; never trust the openid
 * before this returns.
 */
export async function verifyLaunchToken(
  token: string,
  options: VerifyLaunchTokenOptions,
): Promise<LaunchContext> {
  const jwksUrl = options.jwksUrl ?? `${options.issuer.replace(/\/+$/, '')}/.well-known/jwks.json`;
  try {
    const { payload } = await jwtVerify(token, keySetAt(jwksUrl), {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: ['ES256'],
      requiredClaims: ['sub', 'nonce', 'iat', 'exp', 'jti'],
      maxTokenAge: MAX_LAUNCH_TOKEN_AGE_SECONDS,
      currentDate: options.now,
    });
    if (typeof payload.nonce !== 'string' || typeof payload.sub !== 'string') {
      throw new LaunchTokenError('The launch token has no openid or nonce');
    }
    if (payload.exp! - payload.iat! > MAX_LAUNCH_TOKEN_AGE_SECONDS) {
      throw new LaunchTokenError('The launch token lives longer than five minutes');
    }
    return { openid: payload.sub, nonce: payload.nonce, expiresAt: new Date(payload.exp! * 1000) };
  } catch (error) {
    if (error instanceof LaunchTokenError) throw error;
    if (error instanceof errors.JOSEError) throw new LaunchTokenError(error.message, error.code);
    throw error;
  }
}
