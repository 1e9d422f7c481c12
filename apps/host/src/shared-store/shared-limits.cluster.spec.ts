import { OpenApiKit } from '../open-api/open-api.testing';
import { expectProblem } from '../testing/expect-problem';
import type { TestFactory } from '../testing/factory';
import type { TestHost } from '../testing/test-host';

/**
 * Two host instances on one PostgreSQL database and one Redis, as behind a load balancer: every limit is
 * one budget, spent exactly, whichever instance a request reaches. `npm run test:cluster` runs this file
 * (the PostgreSQL stage of .ci/run does, with REDIS_URL); on the embedded default there is one instance.
 */
describe('rate limits shared by two host instances (cluster)', () => {
  const windowSeconds = 60;
  const tokenLimit = 7;
  const appLimit = 12;
  let first: TestHost;
  let second: TestHost;
  let factory: TestFactory;
  let kit: OpenApiKit;

  beforeAll(async () => {
    if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
      throw new Error('The cluster tests need DATABASE_URL (PostgreSQL) and REDIS_URL (Redis)');
    }
    ({
      host: first,
      factory,
      kit,
    } = await OpenApiKit.start({
      openApiRateLimits: {
        tokenRequestsPerWindow: tokenLimit,
        appRequestsPerWindow: appLimit,
        windowSeconds,
      },
      rateLimits: { signInFailuresPerUsername: { points: 5, windowSeconds: 15 * 60 } },
    }));
    second = await first.startAnother();
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  /** Moves the (shared) test clock to the start of a window, so a test's requests all fall in one. */
  const startOfWindow = (seconds = windowSeconds) => {
    const windowMs = seconds * 1000;
    first.clock.advance(windowMs - (first.clock.now().getTime() % windowMs) + 10);
  };
  const instances = () => [first, second];

  it('gives a token exactly its limit across both instances, however the requests race', async () => {
    const app = await kit.approvedApp();
    const token = await kit.token(await factory.newUser('racing'), app);
    startOfWindow();
    const answers = await Promise.all(
      Array.from({ length: 3 * tokenLimit }, (_, i) => instances()[i % 2].get('/open/v1/me', { token })),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(tokenLimit);
    for (const refused of answers.filter((answer) => answer.status !== 200)) {
      expectProblem(refused, 429, 'rate_limited');
    }
    // Both instances read the same counters: nothing left on either, for the token or in /limits.
    for (const host of instances()) {
      expect((await host.get('/open/v1/me', { token })).headers.ratelimit).toMatch(
        /^"token";r=0;t=\d+, "app";r=5;/,
      );
    }
  });

  it('counts requests in turn on each instance: L successes, then 429 on both', async () => {
    const app = await kit.approvedApp();
    const token = await kit.token(await factory.newUser('turns'), app);
    startOfWindow();
    for (let i = 0; i < tokenLimit; i++) {
      const answer = await instances()[i % 2].get('/open/v1/me', { token });
      expect(answer.status).toBe(200);
      expect(answer.headers.ratelimit).toMatch(new RegExp(`^"token";r=${tokenLimit - 1 - i};`));
    }
    for (const host of instances())
      expectProblem(await host.get('/open/v1/me', { token }), 429, 'rate_limited');
  });

  it("shares an app's budget across its tokens and instances, exactly, however the requests race", async () => {
    const app = await kit.approvedApp();
    const tokens = await Promise.all(
      ['x', 'y', 'z'].map(async (name) => kit.token(await factory.newUser(name), app)),
    );
    startOfWindow();
    // 7 requests per token: no token is over its limit, only the app is.
    const answers = await Promise.all(
      Array.from({ length: 3 * tokenLimit }, (_, i) =>
        instances()[i % 2].get('/open/v1/me', { token: tokens[i % 3] }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(appLimit);
  });

  it("spends no token's budget on a request the app's budget refuses, on either instance", async () => {
    const app = await kit.approvedApp();
    const [a, b] = await Promise.all(
      ['a', 'b'].map(async (name) => kit.token(await factory.newUser(name), app)),
    );
    startOfWindow();
    for (let i = 0; i < tokenLimit; i++)
      expect((await instances()[i % 2].get('/open/v1/me', { token: a })).status).toBe(200);
    for (let i = 0; i < appLimit - tokenLimit; i++) {
      expect((await instances()[i % 2].get('/open/v1/me', { token: b })).status).toBe(200);
    }
    // Each refusal counts and gives back b's request in the shared counter: b keeps 2 however often it is refused.
    for (let i = 0; i < 4; i++) {
      const refused = await instances()[i % 2].get('/open/v1/me', { token: b });
      expectProblem(refused, 429, 'rate_limited');
      expect(refused.headers.ratelimit).toMatch(/^"token";r=2;t=\d+, "app";r=0;t=\d+$/);
    }
  });

  it('throttles sign-in failures for a username across both instances', async () => {
    const user = await factory.newUser('guessed');
    startOfWindow(15 * 60);
    const signIn = (host: TestHost, password: string) =>
      host.post('/sessions', { body: { username: user.username, password } });
    const answers = await Promise.all(
      Array.from({ length: 9 }, (_, i) => signIn(instances()[i % 2], `guess ${i}`)),
    );
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(5);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(4);
    for (const host of instances())
      expectProblem(await signIn(host, factory.password), 429, 'too_many_attempts');
  });
});
