import { expectProblem } from '../testing/expect-problem';
import { factory, host, useFileHost } from '../testing/file-host';

describe('sign-in throttling per username and per address (e2e)', () => {
  const windowSeconds = 15 * 60;
  useFileHost({
    rateLimits: {
      signInFailuresPerUsername: { points: 5, windowSeconds },
      signInFailuresPerAddress: { points: 8, windowSeconds },
    },
  });

  /** The start of a window plus a minute, so a test's attempts fall in one. */
  const startOfWindow = () => {
    const windowMs = windowSeconds * 1000;
    host.clock.advance(windowMs - (host.clock.now().getTime() % windowMs) + 60_000);
  };
  const signIn = (username: string, password: string) =>
    host.post('/sessions', { body: { username, password } });

  it('lets exactly the limit of racing wrong passwords reach the check, and tells when to retry', async () => {
    const user = await factory.newUser('racer');
    startOfWindow();
    const answers = await Promise.all(Array.from({ length: 7 }, () => signIn(user.username, 'wrong guess')));
    expect(answers.map((answer) => answer.status).sort()).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const refused = await signIn(user.username, factory.password);
    expectProblem(refused, 429, 'too_many_attempts');
    // 14 minutes of the window are left, less what the test clock ran on a busy machine.
    const seconds = Number(
      /^Too many failed sign-ins; try again in (\d+) seconds$/.exec(refused.body.detail)?.[1],
    );
    expect(seconds).toBeLessThanOrEqual(14 * 60);
    expect(seconds).toBeGreaterThan(14 * 60 - 10);

    host.clock.advance(seconds * 1000);
    expect((await signIn(user.username, factory.password)).status).toBe(201);
  });

  it('throttles an address that fails on many usernames, and gives a right password its attempt back', async () => {
    const users = await Promise.all(['a', 'b', 'c'].map((name) => factory.newUser(name)));
    startOfWindow();
    // Three failures on each of two usernames, and right passwords in between that count against nothing.
    for (const user of users.slice(0, 2)) {
      for (let attempt = 0; attempt < 3; attempt++) {
        expectProblem(await signIn(user.username, 'wrong guess'), 401, 'invalid_credentials');
        expect((await signIn(users[2].username, factory.password)).status).toBe(201);
      }
    }
    expectProblem(await signIn(users[2].username, 'wrong guess'), 401, 'invalid_credentials');
    expectProblem(await signIn(users[2].username, 'wrong guess'), 401, 'invalid_credentials');
    // Eight failures from this address: the next attempt is refused, whoever it is for, and counts for nobody.
    expectProblem(await signIn(users[0].username, factory.password), 429, 'too_many_attempts');
    host.clock.advance(windowSeconds * 1000);
    expect((await signIn(users[0].username, factory.password)).status).toBe(201);
  });
});
