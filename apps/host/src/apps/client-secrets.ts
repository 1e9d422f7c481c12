import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

/** A new app's client id: public, so only unique, not secret. */
export function newClientId(): string {
  return `kjc_${randomBytes(12).toString('base64url')}`;
}

/** Client secrets carry 256 random bits, so a plain sha256 is as good as a slow hash and keeps token calls fast. */
export function newClientSecret(): { secret: string; hash: string } {
  const secret = `kjs_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashSecret(secret).toString('hex') };
}

/** Whether `secret` is the one stored as `secretHash` (hex); false when either is missing. Constant time. */
export function secretMatches(secretHash: string | null, secret: string | undefined): boolean {
  if (secret === undefined || secretHash === null) return false;
  return timingSafeEqual(Buffer.from(secretHash, 'hex'), hashSecret(secret));
}
