import { Client } from 'pg';
import { expectProblem } from '../testing/expect-problem';
import { TestFactory, type TestUser } from '../testing/factory';
import { TestHost } from '../testing/test-host';
import { ChangeFeed } from './change-feed';

/**
 * Two host instances on one PostgreSQL database, each caching sessions in memory: a session ended through
 * one instance stops working on the other as soon as PostgreSQL delivers the change, and an instance that
 * cannot hear changes caches nothing meanwhile.
 */
describe('the change feed between two host instances (cluster)', () => {
  let first: TestHost;
  let second: TestHost;
  let factory: TestFactory;

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('The cluster tests need DATABASE_URL (PostgreSQL)');
    first = await TestHost.start();
    second = await first.startAnother();
    factory = new TestFactory(first);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const account = (on: TestHost, user: TestUser) => on.get('/account', { token: user.token });

  /** Asks `second` until the session is refused; how long that took after the change committed. */
  const refusedAfter = async (user: TestUser, committedAt: number): Promise<number> => {
    let status = (await account(second, user)).status;
    while (status === 200 && performance.now() - committedAt < 1000)
      status = (await account(second, user)).status;
    expect(status).toBe(401);
    return performance.now() - committedAt;
  };

  it('refuses on one instance a session signed out on the other, within milliseconds', async () => {
    const user = await factory.newUser('leaving');
    expect((await account(second, user)).status).toBe(200);
    expect((await first.delete('/sessions/current', { token: user.token })).status).toBe(204);
    const ms = await refusedAfter(user, performance.now());
    expect(ms).toBeLessThan(1000);
  });

  it('listens again after its connection is cut, serving nothing stale meanwhile', async () => {
    const feed = second.app.get(ChangeFeed);
    // Both instances' listening connections go (they share the database); the second's is watched.
    const other = new Client({ connectionString: second.config.databaseUrl });
    await other.connect();
    try {
      await other.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where query = 'listen kongjian_changes' and datname = current_database()`,
      );
      while (feed.live) await new Promise((resolve) => setTimeout(resolve, 10));
      const user = await factory.newUser('unheard');
      expect((await account(second, user)).status).toBe(200);
      // Ended through the first instance while the second hears nothing on its feed.
      expect((await first.delete('/sessions/current', { token: user.token })).status).toBe(204);
      expectProblem(await account(second, user), 401, 'unauthenticated');
      while (!feed.live) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      await other.end();
    }
  });
});
