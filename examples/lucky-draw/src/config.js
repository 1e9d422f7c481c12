/**
 * @typedef {object} LuckyDrawConfig
 * @property {string} kongjianUrl Kongjian's public URL, which is also its OAuth issuer.
 * @property {string} clientId
 * @property {string | undefined} clientSecret Absent: the app signs in as a public client (PKCE only).
 * @property {number} port
 * @property {string} publicUrl Where users reach this app; the redirect URI is `${publicUrl}/callback`.
 */

export class ConfigError extends Error {}

/**
 * Loopback URLs may use plain http: that is a developer's machine, not the internet.
 * @param {string} url
 */
export function isLoopback(url) {
  return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);
}

/**
 * @param {string} name
 * @param {string | undefined} raw
 */
function httpUrl(name, raw) {
  try {
    const url = new URL(raw ?? '');
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.href))) throw new Error();
    return url.origin + url.pathname.replace(/\/+$/, '');
  } catch {
    throw new ConfigError(`${name} must be an https URL (http only on localhost), got "${raw ?? ''}"`);
  }
}

/**
 * Reads the configuration from the environment, naming the variable that is wrong.
 * @param {NodeJS.ProcessEnv} env
 * @returns {LuckyDrawConfig}
 */
export function loadConfig(env = process.env) {
  if (!env.KONGJIAN_URL) throw new ConfigError('KONGJIAN_URL is required (e.g. http://localhost:3000)');
  if (!env.CLIENT_ID) throw new ConfigError("CLIENT_ID is required: the app's client_id from Kongjian");
  const port = Number(env.PORT ?? '4000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  return {
    kongjianUrl: httpUrl('KONGJIAN_URL', env.KONGJIAN_URL),
    clientId: env.CLIENT_ID,
    clientSecret: env.CLIENT_SECRET || undefined,
    port,
    publicUrl: httpUrl('PUBLIC_URL', env.PUBLIC_URL || `http://localhost:${port}`),
  };
}
