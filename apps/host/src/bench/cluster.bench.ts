import os from 'node:os';
// An ES module: this CommonJS build require()s it, which Node loads since 20.19.
import { Cluster, HostApi, type HostUser } from '@kongjian/testing';
import { positiveInteger, runLoad, type LoadResult } from './load';

/**
 * `npm run bench:cluster`: throughput through nginx in front of one instance and in front of three, on the
 * same PostgreSQL database (and Redis with REDIS_URL) and the same data, in alternating rounds. Each
 * configuration is measured on a trivial route and on a signed-in space page of ten viewers.
 * Quick run: BENCH_DURATION=3 BENCH_ROUNDS=1 npm run bench:cluster
 */

const INSTANCES = 3;
const VIEWERS = 10;
const MOODS_PER_VIEWER = 5;
const WARMUP_SECONDS = 2;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const server = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const durationSeconds = positiveInteger('BENCH_DURATION', 10);
  const rounds = positiveInteger('BENCH_ROUNDS', 3);
  const connections = positiveInteger('BENCH_CONNECTIONS', 30);
  console.log(
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}; Redis: ${process.env.REDIS_URL ? 'yes' : 'no'}`,
  );
  console.log(`${rounds} round(s) of ${durationSeconds} s per scenario, ${connections} connections\n`);

  const cluster = await Cluster.start({ instances: INSTANCES, server });
  try {
    const api = new HostApi(cluster.baseUrl);
    const viewers: HostUser[] = [];
    for (let i = 0; i < VIEWERS; i++) viewers.push(await api.newUser(`viewer${i}`));
    for (const [i, viewer] of viewers.entries()) {
      await api.befriend(viewer, viewers[(i + 1) % VIEWERS]);
      for (let mood = 0; mood < MOODS_PER_VIEWER; mood++) {
        await api.request('POST', '/moods', {
          token: viewer.token,
          body: { text: `mood ${mood} of ${viewer.username}`, privacy: 'friends' },
        });
      }
    }
    const targets = {
      [`1 instance`]: await cluster.balancerOver(cluster.hosts.slice(0, 1)),
      [`${INSTANCES} instances`]: cluster.baseUrl,
    };
    const scenarios = {
      'GET /health/live': [{ path: '/health/live' }],
      'GET /spaces/:id (signed in)': viewers.map((viewer, i) => ({
        path: `/spaces/${viewers[(i + 1) % VIEWERS].id}`,
        headers: { authorization: `Bearer ${viewer.token}` },
      })),
    };
    const results = new Map<string, LoadResult[]>();
    for (let round = 1; round <= rounds; round++) {
      for (const [scenario, requests] of Object.entries(scenarios)) {
        for (const [target, baseUrl] of Object.entries(targets)) {
          const key = `${scenario} | ${target}`;
          const result = await runLoad(key, {
            baseUrl,
            connections,
            durationSeconds,
            warmupSeconds: WARMUP_SECONDS,
            requests,
          });
          results.set(key, [...(results.get(key) ?? []), result]);
          console.log(
            `round ${round}  ${key.padEnd(48)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${result.exactP50Ms.toFixed(1)} ms  p99 ${result.exactP99Ms.toFixed(1)} ms`,
          );
        }
      }
    }
    console.log('\nMedians');
    for (const scenario of Object.keys(scenarios)) {
      const [one, all] = Object.keys(targets).map((target) =>
        median(results.get(`${scenario} | ${target}`)!.map((result) => result.requestsPerSecond)),
      );
      console.log(
        `  ${scenario.padEnd(30)} 1: ${one.toFixed(0)} req/s, ${INSTANCES}: ${all.toFixed(0)} req/s, ratio ${(all / one).toFixed(2)}`,
      );
    }
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
