import { isIP } from 'node:net';
import path from 'node:path';
// A type only: main.ts reads the configuration before it loads the logger (or anything heavier).
import type { LogLevel } from '../common/logging';

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export type DatabaseMode = 'pglite' | 'postgresql';

export interface HostConfig {
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
  /**
   * `redis://` or `rediss://` URL of the store shared by every host instance (rate limits, later pub/sub);
   * unset: in-memory stores, and no Redis code touches the network.
   */
  redisUrl?: string;
  /**
   * Every Redis key of the host starts with this (default `kongjian:`): instances of one installation share
   * it, and test hosts each take their own so parallel test files never share a counter.
   */
  redisKeyPrefix?: string;
  /** Lowest level logged (LOG_LEVEL); request lines are `info`. Tests pass their own logger to createHost. */
  logLevel?: LogLevel;
  /** A bearer token that lets a scraper read /metrics from anywhere (KONGJIAN_METRICS_TOKEN); loopback needs none. */
  metricsToken?: string;
  /** How long a SIGTERM'd host lets requests in flight finish before it closes anyway (KONGJIAN_SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs?: number;
  /**
   * The proxies whose X-Forwarded-For the host believes (KONGJIAN_TRUST_PROXY): Express's names `loopback`,
   * `linklocal`, `uniquelocal`, and addresses or CIDR ranges; `loopback` (a balancer on the same machine) when
   * unset. The client address of rate limits, sign-in throttling and /metrics comes from it.
   */
  trustProxy?: string[];
  /** Open API rate limits instead of those in LIMITS (tests set tiny ones). */
  openApiRateLimits?: OpenApiRateLimits;
  /** The other rate limits (token endpoint, invalid tokens, sign-in) instead of those in LIMITS (tests set tiny ones). */
  rateLimits?: Partial<HostRateLimits>;
  /** Seconds between additions of counted Open API calls to the database instead of LIMITS' (tests shorten it). */
  openApiUsageFlushSeconds?: number;
  /**
   * How long an event's webhook delivery is retried before it fails and its app is marked failing, in
   * seconds, instead of LIMITS' day (the browser tests shorten it to show a failing webhook).
   */
  webhookRetrySeconds?: number;
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
  /** Worker processes of each plugin (a process runs one plugin only). */
  workersPerPlugin: number;
  /** The wall-clock limit of one call instead of LIMITS.pluginCallTimeoutMs (tests shorten it). */
  callTimeoutMs?: number;
  /** The memory ceiling of one worker process instead of LIMITS.pluginProcessMemoryMb (tests lower it). */
  processMemoryMb?: number;
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

/** Requests (or failures) allowed per window of that many seconds, for one key (a client, an address, a username). */
export interface WindowRule {
  points: number;
  windowSeconds: number;
}

/** The host's rate limits besides the Open API's (see LIMITS for what each one counts). */
export interface HostRateLimits {
  /** Requests to the OAuth token endpoint per client. */
  oauthTokenPerClient: WindowRule;
  /** Open API requests with an invalid access token per client address. */
  invalidTokensPerAddress: WindowRule;
  /** Failed sign-ins (and wrong current passwords) per username. */
  signInFailuresPerUsername: WindowRule;
  /** Failed sign-ins per client address: higher, because of shared (NAT) addresses. */
  signInFailuresPerAddress: WindowRule;
}

export const HOST_CONFIG = Symbol('HOST_CONFIG');

export class ConfigError extends Error {}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** Reads and validates the environment; throws a ConfigError that names the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HostConfig {
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

  let bootstrapAdmin: HostConfig['bootstrapAdmin'];
  if (env.KONGJIAN_ADMIN) {
    const separator = env.KONGJIAN_ADMIN.indexOf(':');
    if (separator <= 0) throw new ConfigError('KONGJIAN_ADMIN must be "username:password"');
    bootstrapAdmin = {
      username: env.KONGJIAN_ADMIN.slice(0, separator),
      password: env.KONGJIAN_ADMIN.slice(separator + 1),
    };
  }

  if (env.KONGJIAN_LOG_REQUESTS !== undefined) {
    throw new ConfigError(
      'KONGJIAN_LOG_REQUESTS is no longer read: every request is logged at info level; set LOG_LEVEL=warn to leave request lines out',
    );
  }
  const logLevel = parseLogLevel(env.LOG_LEVEL);
  const metricsToken = env.KONGJIAN_METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && metricsToken.length < 16) {
    throw new ConfigError('KONGJIAN_METRICS_TOKEN must be at least 16 characters long');
  }
  const shutdownTimeoutMs = parseShutdownTimeout(env.KONGJIAN_SHUTDOWN_TIMEOUT_MS);
  const trustProxy = parseTrustProxy(env.KONGJIAN_TRUST_PROXY);
  const devMode = parseBoolean('KONGJIAN_DEV_MODE', env.KONGJIAN_DEV_MODE, false);
  const openApiRateLimits = env.KONGJIAN_OPEN_API_RATE_LIMITS
    ? parseRateLimits(env.KONGJIAN_OPEN_API_RATE_LIMITS)
    : undefined;
  const openApiUsageFlushSeconds = parseUsageFlushSeconds(env.KONGJIAN_USAGE_FLUSH_SECONDS);
  const webhookRetrySeconds = parseWebhookRetrySeconds(env.KONGJIAN_WEBHOOK_RETRY_SECONDS);
  const redisUrl = parseRedisUrl(env.REDIS_URL);
  const redisKeyPrefix = parseRedisKeyPrefix(env.KONGJIAN_REDIS_KEY_PREFIX);

  return {
    port,
    databaseUrl,
    databaseMode,
    dataDir,
    storageDir,
    publicUrl,
    demoData,
    bootstrapAdmin,
    redisUrl,
    redisKeyPrefix,
    logLevel,
    metricsToken,
    shutdownTimeoutMs,
    trustProxy,
    openApiRateLimits,
    openApiUsageFlushSeconds,
    webhookRetrySeconds,
    devMode,
    webDir: env.KONGJIAN_WEB_DIR ? path.resolve(env.KONGJIAN_WEB_DIR) : DEFAULT_WEB_DIR,
    consoleDir: env.KONGJIAN_CONSOLE_DIR ? path.resolve(env.KONGJIAN_CONSOLE_DIR) : DEFAULT_CONSOLE_DIR,
    openapiDir: env.KONGJIAN_OPENAPI_DIR ? path.resolve(env.KONGJIAN_OPENAPI_DIR) : DEFAULT_OPENAPI_DIR,
    plugins: {
      dir: env.KONGJIAN_PLUGINS_DIR ? path.resolve(env.KONGJIAN_PLUGINS_DIR) : DEFAULT_PLUGINS_DIR,
      workersPerPlugin: parsePluginWorkers(env),
    },
  };
}

function parsePluginWorkers(env: NodeJS.ProcessEnv): number {
  // Its meaning changed (workers shared by all plugins): a value set for the old meaning is not taken silently.
  if (env.KONGJIAN_PLUGIN_WORKERS !== undefined) {
    throw new ConfigError(
      'KONGJIAN_PLUGIN_WORKERS is no longer read: each plugin now has its own worker processes; set KONGJIAN_PLUGIN_WORKERS_PER_PLUGIN (1 to 4) instead',
    );
  }
  const raw = env.KONGJIAN_PLUGIN_WORKERS_PER_PLUGIN;
  if (raw === undefined || raw === '') return 1;
  const workers = Number(raw);
  if (!Number.isInteger(workers) || workers < 1 || workers > 4) {
    throw new ConfigError(`KONGJIAN_PLUGIN_WORKERS_PER_PLUGIN must be an integer from 1 to 4, got "${raw}"`);
  }
  return workers;
}

/** `redis://[user:password@]host[:port][/db]` or `rediss://…` (TLS); unset or empty: no Redis. */
function parseRedisUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  const invalid = (why: string) =>
    new ConfigError(`REDIS_URL must be a URL like redis://127.0.0.1:6379 (or rediss:// for TLS): ${why}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('it is not a URL');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw invalid(`"${url.protocol}" is not redis: or rediss:`);
  if (!url.hostname) throw invalid('it names no host');
  const database = url.pathname.replace(/^\//, '');
  if (database !== '' && !/^\d{1,2}$/.test(database))
    throw invalid(`"/${database}" is not a database number`);
  return raw;
}

/** 1–100 printable characters without spaces; unset: the SharedStore's default. */
function parseRedisKeyPrefix(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^[\x21-\x7e]{1,100}$/.test(raw)) {
    throw new ConfigError('KONGJIAN_REDIS_KEY_PREFIX must be 1 to 100 printable characters without spaces');
  }
  return raw;
}

function parseLogLevel(raw: string | undefined): LogLevel {
  if (raw === undefined || raw === '') return 'info';
  const level = raw.toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  }
  return level;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** A comma-separated list of Express's proxy names, addresses and CIDR ranges; unset: undefined (loopback). */
function parseTrustProxy(raw: string | undefined): string[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address);
    const prefixOk =
      bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!PROXY_NAMES.includes(entry) && (family === 0 || !prefixOk || rest.length > 0)) {
      throw new ConfigError(
        `KONGJIAN_TRUST_PROXY must list ${PROXY_NAMES.join(', ')}, IP addresses or CIDR ranges, separated by commas; "${entry}" is none of these`,
      );
    }
  }
  return entries;
}

/** Milliseconds from 0 to 10 minutes; unset: LIMITS.shutdownTimeoutMs. */
function parseShutdownTimeout(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0 || ms > 600_000) {
    throw new ConfigError(`KONGJIAN_SHUTDOWN_TIMEOUT_MS must be an integer from 0 to 600000, got "${raw}"`);
  }
  return ms;
}

/** Whole seconds from 1 to an hour; unset: LIMITS.openApiUsageFlushSeconds. */
function parseUsageFlushSeconds(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600) {
    throw new ConfigError(`KONGJIAN_USAGE_FLUSH_SECONDS must be an integer from 1 to 3600, got "${raw}"`);
  }
  return seconds;
}

/** Whole seconds from 1 to a day; unset: LIMITS.webhookRetryWindowMs. */
function parseWebhookRetrySeconds(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 86_400) {
    throw new ConfigError(`KONGJIAN_WEBHOOK_RETRY_SECONDS must be an integer from 1 to 86400, got "${raw}"`);
  }
  return seconds;
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
