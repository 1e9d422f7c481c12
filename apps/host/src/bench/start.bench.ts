import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// An ES module: this CommonJS build require()s it, which Node loads since 20.19.
import { freePort, HostProcess } from '@kongjian/testing';
import { LIMITS } from '../common/limits';
import { positiveInteger, TARGET_MISSED } from './load';

/**
 * How fast the platform starts and how much memory it holds idle:
 * - the second `npm start` (what a developer runs every day) on the embedded database, from the command
 *   to the first 200 of /health, with the demo data already seeded and the builds in nx's cache; the
 *   median of BENCH_STARTS starts;
 * - the host process's resident memory idle on PostgreSQL (BENCH_DATABASE_URL, an admin connection: a
 *   fresh database is made and dropped) once it has started and settled.
 * Exits with TARGET_MISSED when a target is missed.
 */

const REPOSITORY = path.resolve(__dirname, '../../../..');
const TARGETS = { secondStartMs: 3000, idleRssMiB: 150 };
const STARTS = positiveInteger('BENCH_STARTS', 3);
/** How long the host is left alone before its memory is read: start-up garbage is collected by then. */
const SETTLE_MS = 5000;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs `npm start` on the data folder until /health answers; the time that took, then stops it. */
async function npmStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: REPOSITORY,
    env: {
      ...process.env,
      PORT: String(port),
      KONGJIAN_DATA_DIR: dataDir,
      KONGJIAN_PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: '',
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
    // Its own process group, so the whole tree (npm, nx, node) is stopped together.
    detached: true,
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      const early = await Promise.race([
        exited,
        new Promise((resolve) => setTimeout(resolve, 50, 'running')),
      ]);
      if (early !== 'running')
        throw new Error(`npm start exited with ${String(early)} before /health answered`);
      const healthy = await fetch(`http://127.0.0.1:${port}/health`)
        .then((response) => response.status === 200)
        .catch(() => false);
      if (healthy) return performance.now() - started;
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    await groupGone(child.pid!);
  }
}

/**
 * Waits until every process of the group has exited: npm exits at the signal while the host still drains
 * and closes its database, and the next start must neither open that database beside it nor have its
 * /health answered by it. A group still there after the host's own drain limit and a margin is killed.
 */
async function groupGone(group: number): Promise<void> {
  const killAt = performance.now() + LIMITS.shutdownTimeoutMs + 5000;
  for (;;) {
    try {
      process.kill(-group, performance.now() > killAt ? 'SIGKILL' : 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
}

async function main(): Promise<number> {
  console.log(`Start and memory — ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kongjian-start-'));
  const starts: number[] = [];
  try {
    console.log(
      `first npm start (creates the embedded database and the demo data): ${(await npmStart(dataDir)).toFixed(0)} ms`,
    );
    for (let i = 0; i < STARTS; i++) {
      starts.push(await npmStart(dataDir));
      console.log(`second npm start: ${starts.at(-1)!.toFixed(0)} ms`);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const server = process.env.BENCH_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const host = await HostProcess.start({}, { server });
  let idle: number;
  try {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    idle = rssMiB(host.pid!);
  } finally {
    await host.stop();
  }
  console.log(`host resident memory idle on PostgreSQL after ${SETTLE_MS / 1000} s: ${idle.toFixed(0)} MiB`);

  const checks: Array<[string, boolean, string]> = [
    [
      `second npm start ≤ ${TARGETS.secondStartMs} ms`,
      median(starts) <= TARGETS.secondStartMs,
      `median ${median(starts).toFixed(0)} ms`,
    ],
    [
      `host RSS idle on PostgreSQL ≤ ${TARGETS.idleRssMiB} MiB`,
      idle <= TARGETS.idleRssMiB,
      `${idle.toFixed(0)} MiB`,
    ],
  ];
  console.log('\nTargets');
  for (const [name, pass, figure] of checks) console.log(`  ${pass ? 'PASS' : 'FAIL'}  ${name}: ${figure}`);
  return checks.every(([, pass]) => pass) ? 0 : TARGET_MISSED;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
