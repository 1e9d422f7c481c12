// `npm run bench -w sdk`: the open platform under load, measured from the outside as an app sees it.
// Starts the built host (PGlite, or a fresh PostgreSQL database when DATABASE_URL is set), signs users in
// to a registered app through the real consent pages, then measures the token endpoint (authorization
// code exchanges and refresh rotations per second) and GET /open/v1/me and /open/v1/friends beside a
// trivial route, all with the SDK's own OAuth client.
// Quick run: BENCH_USERS=20 BENCH_EXCHANGES=200 BENCH_DURATION=3 npm run bench -w sdk
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { KongjianOAuth } from '../dist/index.js';
import { FormBrowser, HostApi, HostProcess, signInAndConsent } from '@kongjian/testing';

function positiveInteger(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const USERS = positiveInteger('BENCH_USERS', 50);
/** Friendships per user, to the next users in a ring, so every friends page has real rows. */
const FRIENDS_EACH = Math.min(USERS - 1, 10);
const EXCHANGES = positiveInteger('BENCH_EXCHANGES', 1000);
const CONNECTIONS = positiveInteger('BENCH_CONNECTIONS', 10);
const DURATION_SECONDS = positiveInteger('BENCH_DURATION', 10);
/** Codes are made in batches that are exchanged well inside their 60-second life. */
const CODE_BATCH = 250;
const SCOPES = ['profile:read', 'friends:read', 'feed:write', 'storage'];
const REDIRECT_URI = 'http://127.0.0.1:9/callback';
const ADMIN = { username: 'bench_admin', password: 'bench-admin-password' };

/** Runs `total` operations on `workers` concurrent loops and returns operations per second and latencies. */
async function timed(total, workers, operation) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let index = next++; index < total; index = next++) {
        const begun = performance.now();
        await operation(index, worker);
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: (total * 1000) / elapsed,
    p50: latencies[Math.floor(latencies.length * 0.5)],
    p99: latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)],
  };
}

async function load(baseUrl, requests) {
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    warmup: { connections: CONNECTIONS, duration: 2 },
    requests,
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function main() {
  const database = process.env.DATABASE_URL ? 'PostgreSQL (fresh database)' : 'PGlite (embedded)';
  console.log(
    `Open platform benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}`,
  );
  console.log(
    `${database}; ${USERS} users with up to ${FRIENDS_EACH * 2} friends each; ${CONNECTIONS} connections\n`,
  );

  // The per-token and per-app limits would otherwise cap the measurement itself.
  const host = await HostProcess.start({
    KONGJIAN_OPEN_API_RATE_LIMITS: 'token=100000000,app=100000000,window=60',
    KONGJIAN_ADMIN: `${ADMIN.username}:${ADMIN.password}`,
  });
  try {
    const api = new HostApi(host.baseUrl);
    const users = [];
    for (let i = 0; i < USERS; i++) users.push(await api.newUser('bench'));
    const pairs = new Set();
    for (let i = 0; i < USERS; i++) {
      for (let step = 1; step <= FRIENDS_EACH; step++) {
        const j = (i + step) % USERS;
        const pair = `${Math.min(i, j)}-${Math.max(i, j)}`;
        if (pairs.has(pair)) continue;
        pairs.add(pair);
        await api.befriend(users[i], users[j]);
      }
    }
    const developer = await api.newUser('developer');
    const app = await api.newApp(developer, { redirectUris: [REDIRECT_URI], scopes: SCOPES });
    // Published, so every user may authorize it (development mode allows only 20 testers).
    const admin = await api.request('POST', '/sessions', { body: ADMIN });
    await api.publishVersion(developer, admin, app);
    const oauth = await KongjianOAuth.discover(host.baseUrl, {
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      redirectUri: REDIRECT_URI,
      allowInsecureRequests: true,
    });
    const stopAtApp = (url) => url.href.startsWith(REDIRECT_URI);

    // Every user signs in and consents once; later authorizations skip the consent page.
    const browsers = users.map(() => new FormBrowser());
    const tokens = [];
    for (const [index, user] of users.entries()) {
      const request = await oauth.authorizationUrl({ scope: SCOPES });
      const page = await signInAndConsent(browsers[index], request.url, user, { stopBefore: stopAtApp });
      tokens.push(await oauth.exchangeCallback(page.stoppedAt, request));
    }

    const authorizeOnce = async (index) => {
      const request = await oauth.authorizationUrl({ scope: SCOPES });
      const page = await browsers[index % USERS].open(request.url, {}, stopAtApp);
      return { callback: page.stoppedAt, request };
    };
    const batches = [];
    for (let done = 0; done < EXCHANGES; done += CODE_BATCH) {
      const size = Math.min(CODE_BATCH, EXCHANGES - done);
      const codes = [];
      for (let i = 0; i < size; i++) codes.push(await authorizeOnce(done + i));
      batches.push(
        await timed(size, CONNECTIONS, (i) => oauth.exchangeCallback(codes[i].callback, codes[i].request)),
      );
    }
    const exchanged = {
      perSecond: batches.reduce((sum, batch) => sum + batch.perSecond, 0) / batches.length,
      p50: Math.max(...batches.map((batch) => batch.p50)),
      p99: Math.max(...batches.map((batch) => batch.p99)),
    };

    // Refresh tokens rotate, so each worker keeps to its own users' chains.
    const refreshed = await timed(EXCHANGES, Math.min(CONNECTIONS, USERS), async (index, worker) => {
      const owned = Math.floor(index / Math.min(CONNECTIONS, USERS));
      const user = (worker + owned * Math.min(CONNECTIONS, USERS)) % USERS;
      tokens[user] = await oauth.refresh(tokens[user].refreshToken, tokens[user]);
    });

    const bearer = (index) => ({ authorization: `Bearer ${tokens[index].accessToken}` });
    const me = await load(
      host.baseUrl,
      users.map((_, index) => ({ method: 'GET', path: '/open/v1/me', headers: bearer(index) })),
    );
    const friends = await load(
      host.baseUrl,
      users.map((_, index) => ({ method: 'GET', path: '/open/v1/friends?limit=20', headers: bearer(index) })),
    );
    const trivial = await load(host.baseUrl, [{ method: 'GET', path: '/health/live' }]);

    const rows = [
      ['token: authorization code exchange', exchanged],
      ['token: refresh (rotation)', refreshed],
      ['GET /open/v1/me', me],
      ['GET /open/v1/friends?limit=20', friends],
      ['GET /health/live (trivial)', trivial],
    ];
    console.log('scenario                              per s     p50 ms   p99 ms');
    for (const [name, figures] of rows) {
      console.log(
        `${name.padEnd(36)} ${figures.perSecond.toFixed(0).padStart(7)} ${figures.p50.toFixed(1).padStart(9)} ${figures.p99.toFixed(1).padStart(8)}`,
      );
    }
    console.log(
      `\n/open/v1/me runs at ${(me.perSecond / trivial.perSecond).toFixed(2)}× the trivial route, ` +
        `/open/v1/friends at ${(friends.perSecond / trivial.perSecond).toFixed(2)}×.`,
    );
  } finally {
    await host.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
