import os from 'node:os';
import { positiveInteger } from './load';
import type { GraphShape } from './seed';

/* The feed benchmark's settings: its fixed figures, its targets, and what the environment chooses. */

export const BENCH_DATABASE = 'kongjian_bench';
/** Everyone shares one password, hashed once, so sample viewers can sign in through the real API. */
export const BENCH_PASSWORD = 'bench-password-2026';
/** Viewers whose requests are interleaved, so one user's cached rows do not flatter the figures. */
export const SAMPLE_VIEWERS = 10;
export const PAGE_SIZE = 20;
/** In the mixed scenario, first-page reads between two posts by a friend of the viewer. */
export const MIXED_READS_PER_POST = 9;
/** The deep page measured through the cursor chain. */
export const DEEP_PAGE = 10;
/** The share of posts seeded before the first measurement of the first feed page. */
export const FIRST_POINT_SHARE = 0.1;
/** Unmeasured seconds before each scenario: JIT, connection pool and PostgreSQL's caches warm up. */
export const WARMUP_SECONDS = 2;
/** Connections that seed in parallel: one INSERT ... SELECT keeps only one core busy. */
export const SEED_CONNECTIONS = Math.max(1, Math.min(4, os.cpus().length));

export const TARGETS = {
  firstPageP99Ms: 50,
  feedShareOfTrivial: 0.3,
  /** The first page's cost (relative to the trivial route's) at the full size over its cost at a tenth. */
  growthFactor: 1.2,
} as const;

export interface BenchConfig {
  adminUrl: string;
  shape: GraphShape;
  durationSeconds: number;
  connections: number;
  rounds: number;
  reuse: boolean;
}

export function readConfig(): BenchConfig {
  const adminUrl = process.env.BENCH_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  try {
    new URL(adminUrl);
  } catch {
    throw new Error('BENCH_DATABASE_URL must be a URL like postgresql://postgres@127.0.0.1:5432/postgres');
  }
  return {
    adminUrl,
    shape: {
      users: positiveInteger('BENCH_USERS', 100_000),
      friends: positiveInteger('BENCH_FRIENDS', 100),
      posts: positiveInteger('BENCH_POSTS', 1_000_000),
    },
    durationSeconds: positiveInteger('BENCH_DURATION', 10),
    connections: positiveInteger('BENCH_CONNECTIONS', 10),
    rounds: positiveInteger('BENCH_ROUNDS', 3),
    reuse: process.env.BENCH_REUSE === '1',
  };
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The URL without its password, for printing. */
export function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
