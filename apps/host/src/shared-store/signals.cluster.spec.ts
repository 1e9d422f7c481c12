import { DEFAULT_PLUGINS_DIR } from '../config/config';
import { PluginsService } from '../plugins/plugins.service';
import { EventStreamReader } from '../testing/event-stream-reader';
import { expectProblem } from '../testing/expect-problem';
import { TestFactory, type TestUser } from '../testing/factory';
import { TestHost } from '../testing/test-host';
import { type SignalChannel, Signals } from './signals';

/**
 * Two host instances on one PostgreSQL database and one Redis: what changes on one reaches the other at
 * once through Redis pub/sub, not at the next poll. Each check waits for the second instance to hear the
 * signal, then shows what a user of that instance notices.
 */
describe('signals between two host instances (cluster)', () => {
  let first: TestHost;
  let second: TestHost;
  let factory: TestFactory;
  let admin: TestUser;
  let secondUrl: string;

  beforeAll(async () => {
    if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
      throw new Error('The cluster tests need DATABASE_URL (PostgreSQL) and REDIS_URL (Redis)');
    }
    // Polls runs on both instances; its bridge calls the Open API of the instance it runs on.
    first = await TestHost.start({
      plugins: { dir: DEFAULT_PLUGINS_DIR, only: ['polls'], workersPerPlugin: 1 },
    });
    second = await first.startAnother();
    await first.listen();
    secondUrl = await second.listen();
    factory = new TestFactory(first);
    admin = await factory.admin();
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  /** Resolves when `host` hears the next signal on `channel` (from another instance, through Redis). */
  const heard = (host: TestHost, channel: SignalChannel) =>
    new Promise<string>((resolve) => {
      const stop = host.app.get(Signals).on(channel, (message) => {
        stop();
        resolve(message);
      });
    });

  const mood = (on: TestHost, user: TestUser, text: string) =>
    on.post('/moods', { token: user.token, body: { text, privacy: 'private' } });

  it('blocks a post on the other instance as soon as a keyword rule is added on one', async () => {
    const author = await factory.newUser('author');
    const phrase = `signalled${Date.now().toString(36)}`;
    // The second instance has just read the rules: without the signal it would keep them for a second.
    expect((await mood(second, author, 'nothing to block')).status).toBe(201);
    const change = heard(second, 'moderation-rules');
    const added = await first.post('/admin/moderation/rules', {
      token: admin.token,
      body: { phrase, action: 'block' },
    });
    expect(added.status).toBe(201);
    await change;
    expectProblem(await mood(second, author, `this says ${phrase}`), 422, 'content_blocked');
  });

  it('updates a live notification stream open on the other instance', async () => {
    const [alice, bob] = [await factory.newUser('alice'), await factory.newUser('bob')];
    const controller = new AbortController();
    const response = await fetch(`${secondUrl}/notifications/stream`, {
      headers: { Authorization: `Bearer ${bob.token}`, Accept: 'text/event-stream' },
      signal: controller.signal,
    });
    try {
      const reader = new EventStreamReader(response.body!.getReader());
      expect(await reader.nextEvent()).toEqual({ event: 'unread', data: { count: 0 } });
      // The friend request is made on the first instance; bob's stream is open on the second.
      await new TestFactory(first).requestFriend(alice, bob);
      expect(await reader.nextEvent()).toEqual({ event: 'unread', data: { count: 1 } });
    } finally {
      controller.abort();
    }
  });

  it('refuses a plugin on the other instance once an admin disables it, and serves it once they enable it', async () => {
    const user = await factory.newUser('player');
    const polls = { id: first.app.get(PluginsService).get('polls').appId };
    expect(
      (await first.post(`/app-center/apps/${polls.id}/install`, { token: user.token, body: {} })).status,
    ).toBe(200);
    const listPolls = () => second.get('/apps/polls/api/polls', { token: user.token });
    expect((await listPolls()).status).toBe(200);

    // Disabled through the first instance (as when its breaker trips): the state is stored, then the others are told.
    let change = heard(second, 'plugin-state');
    const disabled = await first.post('/admin/plugins/polls/disable', {
      token: admin.token,
      body: { reason: 'Disabled in a test' },
    });
    expect(disabled.status).toBe(200);
    await change;
    await eventually(async () => (await listPolls()).status === 503);
    expectProblem(await listPolls(), 503, 'plugin_disabled');

    change = heard(second, 'plugin-state');
    const enabled = await first.post('/admin/plugins/polls/enable', { token: admin.token });
    expect(enabled.status).toBe(200);
    await change;
    await eventually(async () => (await listPolls()).status === 200);
  });
});

/** Waits until `condition` holds: the instance reads the state again after hearing the signal. */
async function eventually(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
