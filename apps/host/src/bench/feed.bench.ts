// An ES module: this CommonJS build require()s it, which Node loads since 20.19.
import { HostProcess } from '@kongjian/testing';
import { Client } from 'pg';
import { hashPassword } from '../accounts/password';
import { Api } from './bench-api';
import {
  BENCH_DATABASE,
  BENCH_PASSWORD,
  DEEP_PAGE,
  MIXED_READS_PER_POST,
  FIRST_POINT_SHARE,
  PAGE_SIZE,
  readConfig,
  SAMPLE_VIEWERS,
  SEED_CONNECTIONS,
  TARGETS,
  WARMUP_SECONDS,
  databaseUrl,
} from './feed-bench-config';
import {
  type Check,
  count,
  loadAverage,
  median,
  medianResult,
  printMachine,
  printTable,
  type Row,
  type Scenario,
  seconds,
} from './feed-bench-report';
import { type LoadRequest, type LoadResult, runLoad, TARGET_MISSED } from './load';
import { GraphSeeder } from './seed';

/**
 * The feed benchmark: seeds a synthetic graph into a fresh PostgreSQL database, starts the built host on
 * it as a child process and measures the feed, a space page and a trivial route with autocannon, in
 * rounds that alternate the scenarios so that the machine's load moves them all alike; each figure is
 * the median of its rounds. Quick run: BENCH_USERS=2000 BENCH_POSTS=20000 BENCH_DURATION=3.
 * BENCH_REUSE=1 measures the database the last run left (same shape), without seeding it again.
 */

interface Viewer {
  n: number;
  headers: Record<string, string>;
  /** A friend whose space page this viewer opens. */
  friendId: string;
  /** That friend's credentials, for the posts of the mixed scenario. */
  friendHeaders: Record<string, string>;
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
      const friend = await api.login(seeder.username(seeder.friendOf(n)), BENCH_PASSWORD);
      viewers.push({
        n,
        headers: { authorization: `Bearer ${token}` },
        friendId: await userIdOf(seeder.friendOf(n)),
        friendHeaders: { authorization: `Bearer ${friend.token}`, 'content-type': 'application/json' },
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
    // It is also a scroll down as a person does it, one page at a time: its later pages are read a chunk
    // of pages at a time (FeedService.chunks), so the time of each is printed, not only (b)'s re-reads.
    const deepRequests: Array<{ path: string; headers: Record<string, string> }> = [];
    const scrollMs: number[] = [];
    for (const viewer of viewers) {
      let cursor: string | null = null;
      for (let page = 1; page < DEEP_PAGE; page++) {
        const path: string = cursor ? `${firstPagePath}&cursor=${encodeURIComponent(cursor)}` : firstPagePath;
        const pageStarted = performance.now();
        cursor = (await api.page(path, viewer.headers)).nextCursor;
        if (page > 1) scrollMs.push(performance.now() - pageStarted);
        if (!cursor) throw new Error(`${seeder.username(viewer.n)} has fewer than ${DEEP_PAGE} feed pages`);
      }
      deepRequests.push({
        path: `${firstPagePath}&cursor=${encodeURIComponent(cursor ?? '')}`,
        headers: viewer.headers,
      });
    }
    scrollMs.sort((a, b) => a - b);
    console.log(
      `  scrolling pages 2–${DEEP_PAGE - 1} once each, one request at a time: ${scrollMs.length} pages, ` +
        `median ${median(scrollMs).toFixed(1)} ms, mean ${(scrollMs.reduce((a, b) => a + b, 0) / scrollMs.length).toFixed(1)} ms, ` +
        `slowest ${scrollMs[scrollMs.length - 1].toFixed(1)} ms`,
    );
    const spaceRequests = viewers.map((viewer) => ({
      path: `/users/${viewer.friendId}/posts?limit=${PAGE_SIZE}`,
      headers: viewer.headers,
    }));
    await api.page(spaceRequests[0].path, viewers[0].headers);

    // First pages are kept in memory until something they show changes: (e) shows them while friends post,
    // each post dropping the page of the viewer it was written for (and of the poster's other friends).
    const mixedRequests: LoadRequest[] = [];
    for (let turn = 0; turn < MIXED_READS_PER_POST + 1; turn++) {
      for (const viewer of viewers) {
        mixedRequests.push(
          turn < MIXED_READS_PER_POST
            ? { path: firstPagePath, headers: viewer.headers }
            : {
                method: 'POST',
                path: '/moods',
                headers: viewer.friendHeaders,
                body: JSON.stringify({ text: 'A mood written during the benchmark', privacy: 'friends' }),
              },
        );
      }
    }

    console.log(`\nMeasuring (a), (b), (c), (d) and (e) at ${count(shape.posts)} posts`);
    const [trivial, full, deep, space, mixed] = await measureRounds([
      TRIVIAL,
      { name: '(a) first feed page', posts: shape.posts, requests: firstPageRequests },
      { name: `(b) feed page ${DEEP_PAGE} by cursor`, posts: shape.posts, requests: deepRequests },
      { name: "(c) space page (a friend's posts)", posts: shape.posts, requests: spaceRequests },
      {
        name: `(e) (a) with a friend's post every ${MIXED_READS_PER_POST + 1} requests`,
        posts: shape.posts,
        requests: mixedRequests,
      },
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
    printTable([...(small ? [small] : []), full, deep, space, mixed, trivial]);

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
