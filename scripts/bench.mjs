// `npm run bench`: every benchmark, one after another, each printing its figures beside its targets, and a
// summary at the end. A quick size by default (minutes; what CI runs), the issue-sized runs with --full
// (1,000,000 posts, 10-second scenarios in three alternating rounds: about half an hour). Exits with 1 when a
// benchmark fails or misses a target; with --report-only, only when one fails (CI: the figures of a shared
// machine are not asserted, but every benchmark must still run).
// PostgreSQL: BENCH_DATABASE_URL, an admin connection (default postgresql://postgres@127.0.0.1:5432/postgres);
// each benchmark makes and drops databases of its own.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The exit code of a benchmark that ran and missed a target (apps/host/src/bench/load.ts). */
const TARGET_MISSED = 3;
const full = process.argv.includes('--full');
const reportOnly = process.argv.includes('--report-only');
const unknown = process.argv.slice(2).filter((arg) => !['--full', '--report-only'].includes(arg));
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(' ')}; use --full and/or --report-only`);
  process.exit(2);
}
const postgres = process.env.BENCH_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';

const host = (name) => path.join('apps/host/dist/bench', `${name}.bench.js`);
const BENCHES = [
  {
    name: 'feed (PostgreSQL)',
    script: host('feed'),
    quick: { BENCH_USERS: '1000', BENCH_POSTS: '10000', BENCH_DURATION: '1', BENCH_ROUNDS: '1' },
  },
  {
    name: 'open platform (PostgreSQL, oidc-provider peer)',
    script: 'sdk/bench/open-platform.bench.mjs',
    // It collects its own garbage before each timed batch of token requests (see `timed` there).
    nodeFlags: ['--expose-gc'],
    env: { DATABASE_URL: postgres, REDIS_URL: '' },
    quick: { BENCH_USERS: '10', BENCH_EXCHANGES: '100', BENCH_DURATION: '1', BENCH_ROUNDS: '1' },
  },
  { name: 'start and memory', script: host('start'), quick: { BENCH_STARTS: '1' } },
  {
    name: 'plugins',
    script: host('plugins'),
    env: { DATABASE_URL: '', REDIS_URL: '' },
    quick: { BENCH_DURATION: '1', BENCH_MEMORY_CALLS: '200' },
  },
  { name: 'keyword rules', script: host('keyword') },
  { name: 'photo uploads', script: host('photo'), quick: { BENCH_UPLOADS: '2' } },
];

const run = (command, args, env = {}) =>
  spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } }).status;

console.log(`Building the host and the SDK (${full ? 'full' : 'quick'} size)`);
if (
  run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'host', 'sdk', 'testing', '--output-style=static']) !== 0
) {
  process.exit(1);
}
const outcomes = [];
for (const bench of BENCHES) {
  console.log(`\n=== ${bench.name}`);
  const started = Date.now();
  const status = run(process.execPath, [...(bench.nodeFlags ?? []), bench.script], {
    BENCH_DATABASE_URL: postgres,
    ...bench.env,
    ...(full ? {} : bench.quick),
  });
  const outcome =
    status === 0 ? 'targets met' : status === TARGET_MISSED ? 'TARGET MISSED' : `FAILED (exit ${status})`;
  outcomes.push({ name: bench.name, outcome, seconds: (Date.now() - started) / 1000 });
}
console.log(`\n=== Summary (${full ? 'full' : 'quick'} size)`);
for (const { name, outcome, seconds } of outcomes) {
  console.log(`  ${name.padEnd(48)} ${outcome.padEnd(18)} ${seconds.toFixed(0)} s`);
}
const failed = outcomes.some(({ outcome }) => outcome.startsWith('FAILED'));
const missed = outcomes.some(({ outcome }) => outcome === 'TARGET MISSED');
process.exit(failed || (missed && !reportOnly) ? 1 : 0);
