/** Loopback hosts: the only places plain http is allowed, and where a redirect's port may vary (RFC 8252 §7.3). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === '[::1]' || hostname === 'localhost';
}

/**
 * Why a URL an app registers is unacceptable, or null. https only, except http on loopback for local
 * development; no userinfo (it lets `https://good.example@evil.example` look like another host) and
 * no fragment (RFC 6749 §3.1.2 forbids one on redirect URIs).
 */
export function appUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL, such as https://app.example/path';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return 'must use https, or http on a loopback address (127.0.0.1, [::1] or localhost)';
  }
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password';
  if (raw.includes('#')) return 'must not contain a fragment';
  return null;
}
