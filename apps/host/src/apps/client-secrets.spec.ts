import { createHash } from 'node:crypto';
import { newClientId, newClientSecret, secretMatches } from './client-secrets';

describe('client credentials', () => {
  it('makes secrets of 256 random bits, kept only as their sha256', () => {
    const { secret, hash } = newClientSecret();
    expect(secret).toMatch(/^kjs_[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(newClientSecret().secret).not.toBe(secret);
  });

  it('makes client ids that differ every time', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newClientId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^kjc_[A-Za-z0-9_-]{16}$/);
  });

  it('accepts exactly the secret whose hash is stored', () => {
    const { secret, hash } = newClientSecret();
    expect(secretMatches(hash, secret)).toBe(true);
    expect(secretMatches(hash, `${secret}x`)).toBe(false);
    expect(secretMatches(hash, newClientSecret().secret)).toBe(false);
    expect(secretMatches(hash, '')).toBe(false);
  });

  it('refuses a missing secret, and any secret when none is stored', () => {
    const { secret, hash } = newClientSecret();
    expect(secretMatches(hash, undefined)).toBe(false);
    expect(secretMatches(null, secret)).toBe(false);
  });
});
