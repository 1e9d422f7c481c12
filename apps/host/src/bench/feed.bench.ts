import os from 'node:os';
// An ES module: this CommonJS build require()s it, which Node loads since 20.19.
import { HostProcess } from '@kongjian/testing';
import { Client } from 'pg';
import { hashPassword } from '../accounts/password';
import { positiveInteger, runLoad, TARGET_MISSED, type LoadResult } from './load';
import { GraphSeeder, type GraphShape } from './seed';

/**
 * The feed benchmark: seeds a synthetic graph into a fresh PostgreSQL database, starts the built host on
 * it as a child process and measures the feed, a space page and a trivial route with autocannon, in
 * rounds that alternate the scenarios so that the machine's load moves them all alike; each figure is
 * the median of its rounds. Quick run: BENCH_USERS=2000 BENCH_POSTS=20000 BENCH_DURATION=3.
 * BENCH_REUSE=1 measures the database the last run left (same shape), without seeding it again.
 */

const BENCH_DATABASE = 'kongjian_bench';
/** Everyone shares one password, hashed once, so sample viewers can sign in through the real API. */
const BENCH_PASSWORD = 'bench-password-2026';
/** Viewers whose requests are interleaved, so one user's cached rows do not flatter the figures. */
const SAMPLE_VIEWERS = 10;
const PAGE_SIZE = 20;
/** The deep page measured through the cursor chain. */
const DEEP_PAGE = 10;
/** The share of posts seeded before the first measurement of the first feed page. */
const FIRST_POINT_SHARE = 0.1;
/** Unmeasured seconds before each scenario: JIT, connection pool and PostgreSQL's caches warm up. */
const WARMUP_SECONDS = 2;
/** Connections that seed in parallel: one INSERT ... SELECT keeps only one core busy. */
const SEED_CONNECTIONS = Math.max(1, Math.min(4, os.cpus().length));

const TARGETS = {
  firstPageP99Ms: 50,
  feedShareOfTrivial: 0.3,
  /** The first page's cost (relative to the trivial route's) at the full size over its cost at a tenth. */
  growthFactor: 1.2,
} as const;

interface BenchConfig {
  adminUrl: string;
  shape: GraphShape;
  durationSeconds: number;
  connections: number;
  rounds: number;
  reuse: boolean;
}

function readConfig(): BenchConfig {
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

function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The URL without its password, for printing. */
function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

const count = (value: number): string => value.toLocaleString('en-US');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

interface Page {
  items: unknown[];
  nextCursor: string | null;
}

function isPage(body: unknown): body is Page {
  if (typeof body !== 'object' || body === null) return false;
  const { items, nextCursor } = body as Record<string, unknown>;
  return Array.isArray(items) && (typeof nextCursor === 'string' || nextCursor === null);
}

interface Viewer {
  n: number;
  headers: Record<string, string>;
  /** A friend whose space page this viewer opens. */
  friendId: string;
}

class Api {
  constructor(readonly baseUrl: string) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
    const response = await fetch(this.baseUrl + path, {
      headers: { accept: 'application/json', ...headers },
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON; kept as text for the error message
    }
    return { status: response.status, body };
  }

  async page(path: string, headers: Record<string, string>): Promise<Page> {
    const { status, body } = await this.get(path, headers);
    if (status !== 200 || !isPage(body)) {
      throw new Error(`GET ${path} answered ${status} ${JSON.stringify(body).slice(0, 300)}`);
    }
    return body;
  }

  async login(username: string, password: string): Promise<{ token: string }> {
    const response = await fetch(`${this.baseUrl}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body: unknown = await response.json();
    const signedIn = body as { token?: unknown };
    if (response.status !== 201 || typeof signedIn.token !== 'string') {
      throw new Error(`sign-in of ${username} answered ${response.status} ${JSON.stringify(body)}`);
    }
    return { token: signedIn.token };
  }
}

interface Scenario {
  name: string;
  posts: number | undefined;
  requests: Array<{ path: string; headers?: Record<string, string> }>;
}

/** A scenario's figures: the median of its rounds, and its rate as a share of the trivial route's. */
interface Row {
  scenario: Scenario;
  result: LoadResult;
  /** Its req/s over the trivial route's, the median of the rounds' ratios (each from one round). */
  share: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The round whose req/s is the median, for its latencies too (one run's figures, not a blend). */
function medianResult(results: LoadResult[]): LoadResult {
  const sorted = [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}

function printMachine(pgVersion: string, config: BenchConfig): void {
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

function printTable(rows: Row[]): void {
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

interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

/** The trivial route: no token, since the guard would look a session up even on a public route. */
const TRIVIAL: Scenario = {
  name: '(d) trivial route /health/live',
  posts: undefined,
  requests: [{ path: '/health/live' }],
};

async function main(): Promise<number> {
  const config = readConfig();
  const { shape } = config;
  const firstPointPosts = Math.max(1, Math.round(shape.posts * FIRST_POINT_SHARE));

  const admin = new Client({ connectionString: config.adminUrl });
  await admin.connect();
  const pgVersion = (await admin.query<{ server_version: string }>('show server_version')).rows[0]
    .server_version;
  printMachine(pgVersion, config);

  if (!config.reuse) {
    await admin.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await admin.query(`create database ${BENCH_DATABASE}`);
  }
  await admin.end();
  const benchUrl = databaseUrl(config.adminUrl, BENCH_DATABASE);

  let startedAt = performance.now();
  const host = await HostProcess.start({}, { url: benchUrl });
  const onSignal = (): void => {
    host.killNow();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  console.log(
    `\nHost pid ${host.pid} at ${host.baseUrl}, started and migrated in ${seconds(performance.now() - startedAt)}`,
  );

  const clients = Array.from({ length: SEED_CONNECTIONS }, () => new Client({ connectionString: benchUrl }));
  try {
    await Promise.all(clients.map((client) => client.connect()));
    const seeder = new GraphSeeder(clients, shape, new Date());
    const api = new Api(host.baseUrl);
    let phase1Ms = 0;
    if (!config.reuse) {
      const { foreignKeyChecks } = await seeder.prepareSessions();
      console.log(
        `\nSeeding phase 1: graph and the first ${count(firstPointPosts)} posts ` +
          `(${SEED_CONNECTIONS} connections${foreignKeyChecks ? ', foreign keys checked: not a superuser' : ''})`,
      );
      const seedStarted = performance.now();
      await seeder.seedGraph(await hashPassword(BENCH_PASSWORD));
      await seeder.seedPosts(0, firstPointPosts);
      await seeder.vacuum([
        'user_account',
        'space',
        'friendship',
        'friend_group',
        'friend_group_member',
        'post',
        'feed_entry',
        'audience_group',
      ]);
      phase1Ms = performance.now() - seedStarted;
    }

    // Viewers spread over the id range; each signs in through the API like a real client.
    const userIdOf = async (n: number): Promise<string> => {
      const found = await clients[0].query<{ id: string }>(
        'select id from user_account where username = $1',
        [seeder.username(n)],
      );
      if (!found.rows[0])
        throw new Error(
          `no user ${seeder.username(n)}: BENCH_REUSE needs the same shape as the run that seeded`,
        );
      return found.rows[0].id;
    };
    const viewers: Viewer[] = [];
    for (let i = 0; i < SAMPLE_VIEWERS; i++) {
      const n = Math.floor(((i + 0.5) * shape.users) / SAMPLE_VIEWERS);
      const { token } = await api.login(seeder.username(n), BENCH_PASSWORD);
      viewers.push({
        n,
        headers: { authorization: `Bearer ${token}` },
        friendId: await userIdOf(seeder.friendOf(n)),
      });
    }

    const measureRounds = async (scenarios: Scenario[]): Promise<Row[]> => {
      const results = scenarios.map(() => [] as LoadResult[]);
      for (let round = 1; round <= config.rounds; round++) {
        console.log(`  round ${round} of ${config.rounds} (load avg ${loadAverage()})`);
        for (const [index, scenario] of scenarios.entries()) {
          const result = await runLoad(scenario.name, {
            baseUrl: host.baseUrl,
            connections: config.connections,
            durationSeconds: config.durationSeconds,
            warmupSeconds: WARMUP_SECONDS,
            requests: scenario.requests,
          });
          results[index].push(result);
          console.log(
            `    ${scenario.name}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`,
          );
        }
      }
      const trivial = results[scenarios.indexOf(TRIVIAL)];
      return scenarios.map((scenario, index) => ({
        scenario,
        result: medianResult(results[index]),
        share: median(
          results[index].map((result, round) => result.requestsPerSecond / trivial[round].requestsPerSecond),
        ),
      }));
    };
    const firstPagePath = `/feed?limit=${PAGE_SIZE}`;
    const firstPageRequests = viewers.map((viewer) => ({ path: firstPagePath, headers: viewer.headers }));
    const page = await api.page(firstPagePath, viewers[0].headers);
    if (page.items.length === 0) {
      throw new Error(`the first feed page of ${seeder.username(viewers[0].n)} is empty`);
    }

    let small: Row | undefined;
    let phase2Ms = 0;
    if (!config.reuse) {
      console.log(`\nMeasuring (a) at ${count(firstPointPosts)} posts`);
      [, small] = await measureRounds([
        TRIVIAL,
        { name: '(a) first feed page', posts: firstPointPosts, requests: firstPageRequests },
      ]);
      console.log(`\nSeeding phase 2: posts ${count(firstPointPosts)}–${count(shape.posts)}`);
      startedAt = performance.now();
      if (shape.posts > firstPointPosts) {
        await seeder.seedPosts(firstPointPosts, shape.posts);
        await seeder.vacuum(['post', 'feed_entry', 'audience_group']);
      }
      phase2Ms = performance.now() - startedAt;
    }
    const sizes = await clients[0].query<{ size: string }>(
      'select pg_size_pretty(pg_database_size(current_database())) as size',
    );
    console.log(`  database size ${sizes.rows[0].size}`);

    // Follow each viewer's cursor chain beforehand, so (b) measures one deep page, not the nine before it.
    const deepRequests: Array<{ path: string; headers: Record<string, string> }> = [];
    for (const viewer of viewers) {
      let cursor: string | null = null;
      for (let page = 1; page < DEEP_PAGE; page++) {
        const path: string = cursor ? `${firstPagePath}&cursor=${encodeURIComponent(cursor)}` : firstPagePath;
        cursor = (await api.page(path, viewer.headers)).nextCursor;
        if (!cursor) throw new Error(`${seeder.username(viewer.n)} has fewer than ${DEEP_PAGE} feed pages`);
      }
      deepRequests.push({
        path: `${firstPagePath}&cursor=${encodeURIComponent(cursor ?? '')}`,
        headers: viewer.headers,
      });
    }
    const spaceRequests = viewers.map((viewer) => ({
      path: `/users/${viewer.friendId}/posts?limit=${PAGE_SIZE}`,
      headers: viewer.headers,
    }));
    await api.page(spaceRequests[0].path, viewers[0].headers);

    console.log(`\nMeasuring (a), (b), (c) and (d) at ${count(shape.posts)} posts`);
    const [trivial, full, deep, space] = await measureRounds([
      TRIVIAL,
      { name: '(a) first feed page', posts: shape.posts, requests: firstPageRequests },
      { name: `(b) feed page ${DEEP_PAGE} by cursor`, posts: shape.posts, requests: deepRequests },
      { name: "(c) space page (a friend's posts)", posts: shape.posts, requests: spaceRequests },
    ]);

    if (!config.reuse) {
      console.log('\nSeed timings');
      for (const timing of seeder.timings) {
        console.log(
          `  ${timing.step.padEnd(40)} ${timing.rows ? count(timing.rows).padStart(12) : ''.padStart(12)}  ${seconds(timing.ms)}`,
        );
      }
      console.log(`  phase 1 total ${seconds(phase1Ms)}, phase 2 total ${seconds(phase2Ms)}`);
    }

    console.log(
      `\nResults: medians of ${config.rounds} rounds (${config.connections} connections, ${config.durationSeconds} s each; load avg now ${loadAverage()})`,
    );
    printTable([...(small ? [small] : []), full, deep, space, trivial]);

    const checks: Check[] = [
      {
        name: `(a) first feed page p99 ≤ ${TARGETS.firstPageP99Ms} ms at ${config.connections} connections`,
        pass: full.result.p99Ms <= TARGETS.firstPageP99Ms,
        detail: `${full.result.p99Ms} ms (exact ${full.result.exactP99Ms.toFixed(2)} ms)`,
      },
      ...[full, deep, space].map((row) => ({
        name: `${row.scenario.name} req/s ≥ ${TARGETS.feedShareOfTrivial} × trivial route`,
        pass: row.share >= TARGETS.feedShareOfTrivial,
        detail: `${row.share.toFixed(2)} × (${row.result.requestsPerSecond.toFixed(0)} vs ${trivial.result.requestsPerSecond.toFixed(0)} req/s)`,
      })),
    ];
    if (small) {
      // Cost relative to the trivial route, so that the machine's load at either point cancels out.
      const growth = small.share / full.share;
      checks.push({
        name: `(a) cost at ${count(shape.posts)} posts ≤ ${TARGETS.growthFactor} × its cost at ${count(firstPointPosts)}`,
        pass: growth <= TARGETS.growthFactor,
        detail: `${growth.toFixed(2)} (${small.share.toFixed(2)} × trivial at ${count(firstPointPosts)}, ${full.share.toFixed(2)} × at ${count(shape.posts)})`,
      });
    }

    console.log('\nTargets');
    for (const check of checks)
      console.log(`  ${check.pass ? 'PASS' : 'FAIL'}  ${check.name}: ${check.detail}`);
    const failed = checks.filter((check) => !check.pass).length;
    console.log(
      failed ? `\n${failed} target(s) missed: exiting with code ${TARGET_MISSED}.` : '\nAll targets met.',
    );
    return failed ? TARGET_MISSED : 0;
  } catch (error) {
    console.error(`\nHost output (last lines):\n${host.recentOutput()}`);
    throw error;
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    await host.stop();
    console.log(
      `The database ${BENCH_DATABASE} is kept for EXPLAIN and BENCH_REUSE=1; the next run drops and rebuilds it.`,
    );
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `\nBenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  },
);
