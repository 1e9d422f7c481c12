/**
 * RFC 8252 §7.3: a native app listens on an ephemeral port of a loopback IP literal, so that port may
 * differ from the registered one. Only the IP literals: `localhost` can be resolved elsewhere (§8.3).
 */
const VARIABLE_PORT_HOSTS = new Set(['127.0.0.1', '[::1]']);

/**
 * The registered redirect URI the requested one names, or null. Matching is exact string comparison
 * (no normalisation: a trailing slash, extra query, fragment, userinfo or other scheme is a different
 * URI), except that a loopback IP redirect may use any port.
 */
export function matchRedirectUri(registered: readonly string[], requested: string): string | null {
  if (registered.includes(requested)) return requested;
  const loopback = withoutPort(requested);
  if (loopback === null) return null;
  return registered.some((uri) => withoutPort(uri) === loopback) ? requested : null;
}

/** A loopback http URI with its port removed, for comparison; null for anything else. */
function withoutPort(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (!uri.startsWith('http://') || !VARIABLE_PORT_HOSTS.has(url.hostname)) return null;
  if (url.username !== '' || url.password !== '' || uri.includes('#')) return null;
  // Compare the raw text around the port, so nothing but the port may differ.
  const authorityEnd = uri.slice('http://'.length).search(/[/?]/);
  const authority =
    authorityEnd === -1
      ? uri.slice('http://'.length)
      : uri.slice('http://'.length, 'http://'.length + authorityEnd);
  const rest = authorityEnd === -1 ? '' : uri.slice('http://'.length + authorityEnd);
  const host = authority.startsWith('[')
    ? authority.slice(0, authority.indexOf(']') + 1)
    : authority.split(':')[0];
  if (host !== url.hostname) return null;
  return `http://${host}${rest}`;
}
