import path from 'node:path';

export type DatabaseMode = 'pglite' | 'postgresql';

export interface AppConfig {
  port: number;
  databaseUrl: string | undefined;
  databaseMode: DatabaseMode;
  /** Where the embedded database and, later, uploaded files live. `undefined` in tests: in-memory PGlite. */
  dataDir: string | undefined;
  /** Where uploaded photo files live (the default storage); `undefined`: a fresh temporary folder. */
  storageDir?: string | undefined;
  publicUrl: string;
  /** Seed demo users and posts when the database has no users yet. */
  demoData: boolean;
  /** `username:password` of an admin to create or promote at start (the first admin comes from here or the CLI). */
  bootstrapAdmin: { username: string; password: string } | undefined;
  logRequests: boolean;
  /** Open API rate limits instead of those in LIMITS (tests set tiny ones). */
  openApiRateLimits?: OpenApiRateLimits;
  /** Development mode: webhooks may go to loopback and private addresses (a receiver on the laptop). */
  devMode?: boolean;
  /** The plugin runtime; absent: no plugins run (tests start them through PluginTestKit). */
  plugins?: PluginsConfig;
  /** The built web app (`apps/web/dist`) served at `/`; absent: no web app (host tests). */
  webDir?: string;
  /** The developer and admin console's build (`apps/console/dist`) served at `/console/`; absent: none. */
  consoleDir?: string;
  /** The checked-in OpenAPI documents served at `/openapi/…` and `/docs`; absent: the repository's `openapi/`. */
  openapiDir?: string;
  /** Milliseconds between heartbeats of the live notification stream instead of LIMITS' (tests shorten it). */
  notificationHeartbeatMs?: number;
}

export interface PluginsConfig {
  /** The folder of `<id>/manifest.json` plugin folders (the repository's `plugins/` by default). */
  dir: string;
  /** Run only these plugins; every folder with a manifest when absent. */
  only?: string[];
  /** Worker processes that hold the isolates. */
  workers: number;
  /** The wall-clock limit of one call instead of LIMITS.pluginCallTimeoutMs (tests shorten it). */
  callTimeoutMs?: number;
}

/** The web app's build output, from `apps/host/dist/config` built (or `src/config` under Jest). */
export const DEFAULT_WEB_DIR = path.resolve(__dirname, '../../../web/dist');
export const DEFAULT_CONSOLE_DIR = path.resolve(__dirname, '../../../console/dist');

/** The repository's `openapi/` folder, from `apps/host/src/config` under Jest and `apps/host/dist/config` built. */
export const DEFAULT_OPENAPI_DIR = path.resolve(__dirname, '../../../../openapi');

/** The repository's `plugins/` folder, from `apps/host/src/config` under Jest and `apps/host/dist/config` built. */
export const DEFAULT_PLUGINS_DIR = path.resolve(__dirname, '../../../../plugins');

export interface OpenApiRateLimits {
  tokenRequestsPerWindow: number;
  appRequestsPerWindow: number;
  windowSeconds: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** Reads and validates the environment; throws a ConfigError that names the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const portRaw = env.PORT ?? '3000';
  const port = Number(portRaw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got "${portRaw}"`);
  }

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined) {
    let protocol: string;
    try {
      protocol = new URL(databaseUrl).protocol;
    } catch {
      throw new ConfigError('DATABASE_URL must be a URL like postgresql://user@host:5432/dbname');
    }
    if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
      throw new ConfigError(`DATABASE_URL must use postgres:// or postgresql://, got "${protocol}"`);
    }
  }
  const databaseMode: DatabaseMode = databaseUrl ? 'postgresql' : 'pglite';

  const dataDir = path.resolve(env.KONGJIAN_DATA_DIR || './data');

  const storageDir = env.KONGJIAN_STORAGE_DIR
    ? path.resolve(env.KONGJIAN_STORAGE_DIR)
    : path.join(dataDir, 'photos');

  const publicUrlRaw = env.KONGJIAN_PUBLIC_URL || `http://localhost:${port}`;
  let publicUrl: string;
  try {
    const parsed = new URL(publicUrlRaw);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
    publicUrl = parsed.origin + parsed.pathname.replace(/\/+$/, '');
  } catch {
    throw new ConfigError(`KONGJIAN_PUBLIC_URL must be an http(s) URL, got "${publicUrlRaw}"`);
  }

  // Demo data is on by default only for the embedded database: a shared PostgreSQL is never seeded unasked.
  const demoData = parseBoolean('KONGJIAN_DEMO_DATA', env.KONGJIAN_DEMO_DATA, databaseMode === 'pglite');

  let bootstrapAdmin: AppConfig['bootstrapAdmin'];
  if (env.KONGJIAN_ADMIN) {
    const separator = env.KONGJIAN_ADMIN.indexOf(':');
    if (separator <= 0) throw new ConfigError('KONGJIAN_ADMIN must be "username:password"');
    bootstrapAdmin = {
      username: env.KONGJIAN_ADMIN.slice(0, separator),
      password: env.KONGJIAN_ADMIN.slice(separator + 1),
    };
  }

  const logRequests = parseBoolean('KONGJIAN_LOG_REQUESTS', env.KONGJIAN_LOG_REQUESTS, true);
  const devMode = parseBoolean('KONGJIAN_DEV_MODE', env.KONGJIAN_DEV_MODE, false);
  const openApiRateLimits = env.KONGJIAN_OPEN_API_RATE_LIMITS
    ? parseRateLimits(env.KONGJIAN_OPEN_API_RATE_LIMITS)
    : undefined;

  return {
    port,
    databaseUrl,
    databaseMode,
    dataDir,
    storageDir,
    publicUrl,
    demoData,
    bootstrapAdmin,
    logRequests,
    openApiRateLimits,
    devMode,
    webDir: env.KONGJIAN_WEB_DIR ? path.resolve(env.KONGJIAN_WEB_DIR) : DEFAULT_WEB_DIR,
    consoleDir: env.KONGJIAN_CONSOLE_DIR ? path.resolve(env.KONGJIAN_CONSOLE_DIR) : DEFAULT_CONSOLE_DIR,
    openapiDir: env.KONGJIAN_OPENAPI_DIR ? path.resolve(env.KONGJIAN_OPENAPI_DIR) : DEFAULT_OPENAPI_DIR,
    plugins: {
      dir: env.KONGJIAN_PLUGINS_DIR ? path.resolve(env.KONGJIAN_PLUGINS_DIR) : DEFAULT_PLUGINS_DIR,
      workers: parsePluginWorkers(env.KONGJIAN_PLUGIN_WORKERS),
    },
  };
}

function parsePluginWorkers(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 2;
  const workers = Number(raw);
  if (!Number.isInteger(workers) || workers < 1 || workers > 16) {
    throw new ConfigError(`KONGJIAN_PLUGIN_WORKERS must be an integer from 1 to 16, got "${raw}"`);
  }
  return workers;
}

/** `token=600,app=6000,window=60`: requests per token and per app in a window of that many seconds. */
function parseRateLimits(raw: string): OpenApiRateLimits {
  const invalid = new ConfigError(
    `KONGJIAN_OPEN_API_RATE_LIMITS must look like "token=600,app=6000,window=60", got "${raw}"`,
  );
  const fields = new Map(raw.split(',').map((part) => part.trim().split('=') as [string, string]));
  if ([...fields.keys()].some((name) => !['token', 'app', 'window'].includes(name))) throw invalid;
  const number = (name: string): number => {
    const value = Number(fields.get(name));
    if (!Number.isInteger(value) || value <= 0) throw invalid;
    return value;
  };
  return {
    tokenRequestsPerWindow: number('token'),
    appRequestsPerWindow: number('app'),
    windowSeconds: number('window'),
  };
}
