/**
 * Three host instances on one PostgreSQL database behind nginx, as production runs them (`npm run
 * test:cluster`; needs DATABASE_URL and nginx). Each check goes through the balancer, or to one instance
 * directly where it must prove something about the others.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { authorizeApp, Cluster, HostApi, type HostUser } from '@kongjian/testing';

const INSTANCES = 3;
const ADMIN = { username: 'cluster_admin', password: 'cluster-admin-password' };
/** A token's Open API budget; an hour-long window, so a check rarely straddles two. */
const TOKEN_LIMIT = 40;
const WINDOW_SECONDS = 3600;
/** Registered by the test apps; nothing listens there: the sign-in walk stops before it. */
const REDIRECT_URI = 'https://app.example/callback';
/** The load that one instance's SIGTERM falls in the middle of. */
const LOAD_REQUESTS = 2000;
const LOAD_CONCURRENCY = 16;
/** Every this many requests of the load is an install, whose app.installed event must reach the webhook. */
const INSTALL_EVERY = 20;

/** Polls `check` until it holds or `ms` pass; how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

/** The value of one sample line of an instance's /metrics (0 when it has none). */
async function metric(baseUrl: string, series: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

/** Runs `tasks` with at most `concurrency` at a time, calling `progress` with the number finished. */
async function runPool<T>(
  tasks: Array<() => Promise<T>>,
  concurrency: number,
  progress: (finished: number) => void,
): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  let finished = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]();
        progress(++finished);
      }
    }),
  );
  return results;
}

/** A webhook receiver that answers 200 and keeps every delivery's event id. */
async function startReceiver(): Promise<{ url: string; eventIds: string[]; server: Server }> {
  const eventIds: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      eventIds.push((JSON.parse(body) as { id: string }).id);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, eventIds, server };
}

void describe(`${INSTANCES} instances behind nginx`, () => {
  let cluster: Cluster;
  let api: HostApi;
  let admin: HostUser;

  before(async () => {
    cluster = await Cluster.start({
      instances: INSTANCES,
      env: {
        KONGJIAN_ADMIN: `${ADMIN.username}:${ADMIN.password}`,
        // The webhook receiver listens on loopback.
        KONGJIAN_DEV_MODE: 'true',
        KONGJIAN_OPEN_API_RATE_LIMITS: `token=${TOKEN_LIMIT},app=100000,window=${WINDOW_SECONDS}`,
      },
    });
    api = new HostApi(cluster.baseUrl);
    const signedIn = await api.request<{ account: { id: string }; token: string }>('POST', '/sessions', {
      body: ADMIN,
    });
    admin = { ...ADMIN, id: signedIn.account.id, token: signedIn.token };
  });
  after(() => cluster?.stop());

  void it('started together on an empty database: one migrated, all serve the same schema', async () => {
    for (const host of cluster.hosts) {
      const health = await new HostApi(host.baseUrl).request<{
        database: { migrations: { upToDate: boolean } };
      }>('GET', '/health');
      assert.equal(health.database.migrations.upToDate, true);
    }
  });

  void it('delivers every outbox event exactly once while the instances run side by side', async (t) => {
    const receiver = await startReceiver();
    try {
      const developer = await api.newUser('dev');
      const app = await api.newApp(developer, {
        redirectUris: ['https://app.example/callback'],
        scopes: ['profile:read'],
        events: ['app.installed'],
        webhookUrl: receiver.url,
      });
      await api.publishVersion(developer, admin, app);
      const users = await Promise.all(Array.from({ length: 30 }, (_, i) => api.newUser(`player${i}`)));
      await Promise.all(
        users.map((user) =>
          api.request('POST', `/app-center/apps/${app.id}/install`, {
            token: user.token,
            body: {},
            expected: 200,
          }),
        ),
      );
      const waited = await within(20_000, async () => new Set(receiver.eventIds).size >= users.length);
      t.diagnostic(`${users.length} installs' events delivered ${waited} ms after the last install answered`);
      // Time for a second delivery of any event to arrive, were there one.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      assert.equal(new Set(receiver.eventIds).size, users.length);
      assert.equal(receiver.eventIds.length, users.length, 'an event was delivered more than once');
    } finally {
      receiver.server.close();
    }
  });

  void it('brings a notification made on one instance to a live stream held by another within 1 s', async (t) => {
    const [alice, bob] = [await api.newUser('alice'), await api.newUser('bob')];
    const controller = new AbortController();
    const stream = await fetch(`${cluster.hosts[1].baseUrl}/notifications/stream`, {
      headers: { authorization: `Bearer ${bob.token}`, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    try {
      const reader = stream.body!.getReader();
      let text = '';
      const untilUnread = async (count: number) => {
        while (!text.includes(`data: {"count":${count}}`)) {
          const chunk = await reader.read();
          if (chunk.done) throw new Error('the stream ended');
          text += Buffer.from(chunk.value).toString('utf8');
        }
      };
      await untilUnread(0);
      const sent = Date.now();
      await new HostApi(cluster.hosts[0].baseUrl).request('POST', '/friend-requests', {
        token: alice.token,
        body: { userId: bob.id },
      });
      await untilUnread(1);
      const took = Date.now() - sent;
      t.diagnostic(`the stream on instance 2 showed it ${took} ms after instance 1 was asked`);
      assert.ok(took < 1000, `took ${took} ms`);
    } finally {
      controller.abort();
    }
  });

  void it('blocks a post on every instance within 1 s of a keyword rule added through one', async (t) => {
    const author = await api.newUser('author');
    const phrase = `blocked${Date.now().toString(36)}`;
    await new HostApi(cluster.hosts[0].baseUrl).request('POST', '/admin/moderation/rules', {
      token: admin.token,
      body: { phrase, action: 'block' },
    });
    const added = Date.now();
    for (const [index, host] of cluster.hosts.entries()) {
      if (index === 0) continue;
      await within(1000 - (Date.now() - added), async () => {
        const response = await fetch(`${host.baseUrl}/moods`, {
          method: 'POST',
          headers: { authorization: `Bearer ${author.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ text: `this says ${phrase}`, privacy: 'private' }),
        });
        return (
          response.status === 422 && ((await response.json()) as { code: string }).code === 'content_blocked'
        );
      });
      t.diagnostic(`instance ${index + 1} blocked it ${Date.now() - added} ms after the rule was added`);
    }
  });

  void it('holds a token to exactly its Open API limit, whichever instances serve it', async (t) => {
    const developer = await api.newUser('limits');
    const app = await api.newApp(developer, { redirectUris: [REDIRECT_URI], scopes: ['profile:read'] });
    await api.publishVersion(developer, admin, app);
    const player = await api.newUser('limited');
    const token = await authorizeApp(cluster.baseUrl, app, player, {
      scopes: ['profile:read'],
      redirectUri: REDIRECT_URI,
    });
    const me = () =>
      fetch(`${cluster.baseUrl}/open/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    const first = await me();
    assert.equal(first.status, 200);
    const reset = Number(/"token";r=\d+;t=(\d+)/.exec(first.headers.get('ratelimit') ?? '')?.[1]);
    let left = TOKEN_LIMIT - 1;
    if (!(reset > 30)) {
      // The window ends before the burst would: start in the next one.
      await new Promise((resolve) => setTimeout(resolve, (reset + 1) * 1000));
      left = TOKEN_LIMIT;
    }
    const statuses = await Promise.all(Array.from({ length: left + 20 }, async () => (await me()).status));
    assert.equal(statuses.filter((status) => status === 200).length, left);
    assert.equal(statuses.filter((status) => status === 429).length, 20);
    const served = await Promise.all(
      cluster.hosts.map((host) =>
        metric(host.baseUrl, 'kongjian_http_requests_total{method="GET",route="/open/v1/me",status="200"}'),
      ),
    );
    t.diagnostic(`successes per instance: ${served.join(', ')}`);
    assert.ok(served.filter((count) => count > 0).length >= 2, 'the balancer sent them all to one instance');
  });

  void it('refuses a plugin on every instance within 1 s of an admin disabling it on one, and serves it again', async (t) => {
    const player = await api.newUser('pollster');
    const plugins = await api.request<{ items: Array<{ id: string; appId: string }> }>(
      'GET',
      '/admin/plugins',
      {
        token: admin.token,
      },
    );
    const polls = plugins.items.find((plugin) => plugin.id === 'polls')!;
    await api.request('POST', `/app-center/apps/${polls.appId}/install`, {
      token: player.token,
      body: {},
      expected: 200,
    });
    const statusOn = async (baseUrl: string) =>
      (
        await fetch(`${baseUrl}/apps/polls/api/polls`, {
          headers: { authorization: `Bearer ${player.token}` },
        })
      ).status;
    for (const host of cluster.hosts) assert.equal(await statusOn(host.baseUrl), 200);

    for (const [action, expected] of [
      ['disable', 503],
      ['enable', 200],
    ] as const) {
      await new HostApi(cluster.hosts[0].baseUrl).request('POST', `/admin/plugins/polls/${action}`, {
        token: admin.token,
        body: action === 'disable' ? { reason: 'Votes are counted twice' } : undefined,
        expected: 200,
      });
      const changed = Date.now();
      for (const [index, host] of cluster.hosts.entries()) {
        if (index === 0) continue;
        await within(1000 - (Date.now() - changed), async () => (await statusOn(host.baseUrl)) === expected);
        t.diagnostic(
          `instance ${index + 1} answered ${expected} ${Date.now() - changed} ms after the ${action}`,
        );
      }
    }
  });

  // Last: it stops an instance.
  void it(`loses no request and no event when an instance gets SIGTERM in the middle of ${LOAD_REQUESTS} requests`, async (t) => {
    const receiver = await startReceiver();
    try {
      const developer = await api.newUser('shop');
      const app = await api.newApp(developer, {
        redirectUris: [REDIRECT_URI],
        scopes: ['profile:read'],
        events: ['app.installed'],
        webhookUrl: receiver.url,
      });
      await api.publishVersion(developer, admin, app);
      const players = await Promise.all(
        Array.from({ length: LOAD_REQUESTS / INSTALL_EVERY }, (_, i) => api.newUser(`shopper${i}`)),
      );
      const load = Array.from({ length: LOAD_REQUESTS }, (_, i) => {
        const player = players[Math.floor(i / INSTALL_EVERY)];
        // Half of them writes: a balancer retries a GET that an instance dropped, never a POST.
        const [method, path, body, expected]: [string, string, unknown, number] =
          i % INSTALL_EVERY === 0
            ? ['POST', `/app-center/apps/${app.id}/install`, {}, 200]
            : i % 2 === 0
              ? ['POST', '/moods', { text: `mood ${i}`, privacy: 'friends' }, 201]
              : [
                  'GET',
                  [`/spaces/${player.id}`, '/feed', '/app-center/apps', '/notifications'][(i % 8) >> 1],
                  undefined,
                  200,
                ];
        return async () => {
          const response = await fetch(`${cluster.baseUrl}${path}`, {
            method,
            headers: {
              authorization: `Bearer ${player.token}`,
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          const answer = await response.text();
          return response.status === expected
            ? null
            : `${method} ${path}: ${response.status} ${answer.slice(0, 200)}`;
        };
      });
      const stopping = cluster.hosts[1];
      let signalledAt = 0;
      const started = Date.now();
      const failures = (
        await runPool(load, LOAD_CONCURRENCY, (finished) => {
          if (finished === Math.floor(LOAD_REQUESTS / 3)) {
            signalledAt = Date.now();
            stopping.signal('SIGTERM');
          }
        })
      ).filter((failure) => failure !== null);
      const loadMs = Date.now() - started;
      assert.deepEqual(failures, []);
      assert.equal(await stopping.exitCode(), 0);
      t.diagnostic(
        `${LOAD_REQUESTS} requests in ${loadMs} ms (${Math.round((LOAD_REQUESTS / loadMs) * 1000)}/s through nginx), ` +
          `SIGTERM at ${signalledAt - started} ms`,
      );
      const waited = await within(30_000, async () => new Set(receiver.eventIds).size >= players.length);
      t.diagnostic(`every install's event delivered ${waited} ms after the load ended`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      assert.equal(new Set(receiver.eventIds).size, players.length);
      t.diagnostic(`${receiver.eventIds.length - players.length} duplicate deliveries`);
    } finally {
      receiver.server.close();
    }
  });
});
