/**
 * Three host instances on one PostgreSQL database behind nginx, as production runs them (`npm run
 * test:cluster`; needs DATABASE_URL and nginx). Each check goes through the balancer, or to one instance
 * directly where it must prove something about the others.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Cluster, HostApi, type HostUser } from '@kongjian/testing';

const INSTANCES = 3;
const ADMIN = { username: 'cluster_admin', password: 'cluster-admin-password' };

/** Polls `check` until it holds or `ms` pass; how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
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
});
