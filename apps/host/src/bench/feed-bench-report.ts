import os from 'node:os';
import {
  BENCH_DATABASE,
  type BenchConfig,
  databaseUrl,
  redacted,
  SAMPLE_VIEWERS,
  WARMUP_SECONDS,
} from './feed-bench-config';
import type { LoadRequest, LoadResult } from './load';

/* The feed benchmark's figures: medians of its rounds, and what it prints. */

export const count = (value: number): string => value.toLocaleString('en-US');
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export interface Scenario {
  name: string;
  posts: number | undefined;
  requests: LoadRequest[];
}

/** A scenario's figures: the median of its rounds, and its rate as a share of the trivial route's. */
export interface Row {
  scenario: Scenario;
  result: LoadResult;
  /** Its req/s over the trivial route's, the median of the rounds' ratios (each from one round). */
  share: number;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The round whose req/s is the median, for its latencies too (one run's figures, not a blend). */
export function medianResult(results: LoadResult[]): LoadResult {
  const sorted = [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}

export function printMachine(pgVersion: string, config: BenchConfig): void {
  const cpus = os.cpus();
  console.log('Machine');
  console.log(`  CPU        ${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`);
  console.log(`  memory     ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`);
  console.log(`  OS         ${os.type()} ${os.release()} (${os.arch()})`);
  console.log(`  Node.js    ${process.version}`);
  console.log(`  PostgreSQL ${pgVersion}`);
  // Other work on the machine skews every figure; the load average shows whether there was any.
  console.log(`  load avg   ${loadAverage()}`);
  console.log('Benchmark');
  console.log(
    `  ${count(config.shape.users)} users × ${2 * Math.floor(config.shape.friends / 2)} friends, ${count(config.shape.posts)} posts; ` +
      `${config.connections} connections, ${config.durationSeconds} s per scenario after ${WARMUP_SECONDS} s warm-up, ` +
      `${config.rounds} alternating rounds, ${SAMPLE_VIEWERS} viewers interleaved`,
  );
  console.log(`  database   ${redacted(databaseUrl(config.adminUrl, BENCH_DATABASE))}`);
}

export function printTable(rows: Row[]): void {
  const header = ['scenario', 'posts', 'req/s', '× trivial', 'p50 ms', 'p99 ms', 'exact p99', 'requests'];
  const lines = rows.map((row) => [
    row.scenario.name,
    row.scenario.posts === undefined ? '—' : count(row.scenario.posts),
    row.result.requestsPerSecond.toFixed(0),
    row.share.toFixed(2),
    String(row.result.p50Ms),
    String(row.result.p99Ms),
    row.result.exactP99Ms.toFixed(2),
    count(row.result.total),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column].length)),
  );
  const format = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  console.log(`  ${format(header)}`);
  console.log(`  ${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  for (const line of lines) console.log(`  ${format(line)}`);
}

export interface Check {
  name: string;
  pass: boolean;
  detail: string;
}
