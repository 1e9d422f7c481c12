import autocannon from 'autocannon';

/**
 * The exit code of a benchmark that ran and missed a target (any other failure exits with 1), so that
 * `npm run bench` can tell a slow figure from a broken benchmark.
 */
export const TARGET_MISSED = 3;

/** A benchmark setting from the environment (`1_000_000` allowed), or `fallback` when it is unset. */
export function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export interface LoadOptions {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Each connection cycles through these, so consecutive requests come from different viewers. */
  requests: LoadRequest[];
}

/** One request of a load: a GET unless it says otherwise. */
export interface LoadRequest {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  /** autocannon's percentiles, recorded in whole milliseconds. */
  p50Ms: number;
  p99Ms: number;
  /** The same percentiles from the raw response times, at sub-millisecond resolution. */
  exactP50Ms: number;
  exactP99Ms: number;
  meanMs: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index];
}

/** One autocannon run after a warm-up; throws when any request fails, since then the figures mean nothing. */
export async function runLoad(title: string, options: LoadOptions): Promise<LoadResult> {
  const instance = autocannon({
    url: options.baseUrl,
    title,
    connections: options.connections,
    duration: options.durationSeconds,
    warmup:
      options.warmupSeconds > 0
        ? { connections: options.connections, duration: options.warmupSeconds }
        : undefined,
    requests: options.requests.map((request) => ({
      method: request.method ?? 'GET',
      path: request.path,
      headers: request.headers,
      body: request.body,
    })),
  });
  // autocannon's latency histogram has 1 ms resolution; a 2 ms → 3 ms step would read as a 50% change.
  const times: number[] = [];
  instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    if (statusCode >= 200 && statusCode < 300) times.push(responseTimeMs);
  });
  const result = await instance;

  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCodes[code] = count;
  const warmupFailures = result.warmup
    ? result.warmup.non2xx + result.warmup.errors + result.warmup.timeouts
    : 0;
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0 || warmupFailures > 0) {
    throw new Error(
      `${title}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts ` +
        `(${warmupFailures} failures in the warm-up); status codes ${JSON.stringify(statusCodes)}`,
    );
  }

  const sorted = Float64Array.from(times).sort();
  const sum = times.reduce((total, time) => total + time, 0);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    exactP50Ms: percentile(sorted, 0.5),
    exactP99Ms: percentile(sorted, 0.99),
    meanMs: times.length ? sum / times.length : Number.NaN,
    total: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}
