import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import type { TestApp, TestUser } from '../testing/factory';
import type { ApiResponse, TestHost } from '../testing/test-host';
import { ALL_SCOPES, expectInvalidToken, type FriendsUsingApp } from './open-api.testing';
import { factory, host, kit, useOpenApiHost } from './open-api.e2e-setup';

const DAY_MS = 24 * 60 * 60 * 1000;
const SCOPES = [...ALL_SCOPES, 'notifications:send', 'gifts:send', 'invites:send'];

/** The quotas an app spends through the Open API (invites also from the app center, from the same quota). */
type QuotaName = 'stories' | 'notifications' | 'gifts' | 'reminders' | 'invites';

interface Spender {
  status: number;
  spend: () => Promise<ApiResponse>;
}

interface Budget {
  limit: number;
  remaining: number;
  resetsAt: string;
}

interface Quota extends Budget {
  used: number;
}

interface Limits {
  rateLimit: { windowSeconds: number; token: Budget; app: Budget | null };
  quotas: Record<QuotaName, Quota>;
}

/** What the `RateLimit` header says is left of one of its quotas ("token" or "app"), and in how many seconds it resets. */
function rateLimitHeader(response: ApiResponse, name: 'token' | 'app'): { r: number; t: number } {
  const match = new RegExp(`"${name}";r=(\\d+);t=(\\d+)`).exec(response.headers.ratelimit);
  if (!match) throw new Error(`no "${name}" in RateLimit: ${response.headers.ratelimit}`);
  return { r: Number(match[1]), t: Number(match[2]) };
}

/**
 * `seconds` (a Retry-After, or the RateLimit header's t) counts down to `resetsAt` from a moment between
 * `before` and `after` (epoch ms on the host's clock), rounded up to whole seconds as the host does.
 */
function expectSecondsUntil(seconds: number, resetsAt: string, before: number, after: number): void {
  const at = Date.parse(resetsAt);
  expect(seconds * 1000).toBeGreaterThanOrEqual(at - after);
  expect(seconds * 1000).toBeLessThan(at - before + 1000);
}

/**
 * Asks for the token's limits, and checks the answer against the RateLimit header it came with: both
 * read the same counters, after counting this call.
 */
async function askLimits(host: TestHost, token: string): Promise<Limits> {
  const response = await host.get<Limits>('/open/v1/limits', { token });
  expect(response.status).toBe(200);
  const { token: tokenBudget, app: appBudget } = response.body.rateLimit;
  expect(tokenBudget.remaining).toBe(rateLimitHeader(response, 'token').r);
  expect(appBudget?.remaining).toBe(rateLimitHeader(response, 'app').r);
  return response.body;
}

/** Moves the host's clock to just after the start of a rate-limit window, so a test's calls all fall in one. */
function startOfWindow(host: TestHost, windowSeconds: number): void {
  const windowMs = windowSeconds * 1000;
  host.clock.advance(windowMs - (host.clock.now().getTime() % windowMs) + 10);
}

/** The next midnight UTC after `now`. */
const nextMidnight = (now: Date) => new Date(now.getTime() - (now.getTime() % DAY_MS) + DAY_MS).toISOString();

describe('Open API: limits (e2e)', () => {
  useOpenApiHost();

  let app: TestApp;

  const limits = (token: string) => askLimits(host, token);

  const remainingOf = (answer: Limits) =>
    Object.fromEntries(Object.entries(answer.quotas).map(([name, quota]) => [name, quota.remaining]));

  /** One use of each quota an app spends for its user (the sender, to the recipient), and its success status. */
  const spendersFor = ({ senderToken: token, recipientOpenid: to }: FriendsUsingApp) =>
    ({
      stories: {
        status: 201,
        spend: () => host.post('/open/v1/feed/stories', { token, body: { text: 'Harvest time' } }),
      },
      notifications: {
        status: 204,
        spend: () => host.post('/open/v1/notifications', { token, body: { to, text: 'Your turn' } }),
      },
      gifts: { status: 201, spend: () => host.post('/open/v1/gifts', { token, body: { to, name: 'Rose' } }) },
      reminders: {
        status: 201,
        spend: () =>
          host.post('/open/v1/reminders', {
            token,
            body: { at: new Date(host.clock.now().getTime() + 60 * 60 * 1000).toISOString(), data: null },
          }),
      },
    }) satisfies Record<Exclude<QuotaName, 'invites'>, Spender>;

  /**
   * Invites through the Open API, each to another of `count` new friends of the sender who do not use
   * the app (a repeat to a pending invitee would spend nothing), by the openids the app may invite them by.
   */
  const openApiInvites = async ({ sender, senderToken: token }: FriendsUsingApp, count: number) => {
    const names = new Set<string>();
    for (let i = 0; i < count; i++) {
      const friend = await factory.newUser('invitee');
      await factory.befriend(sender, friend);
      names.add(friend.username);
    }
    const invitable = await host.get<{ items: { openid: string; nickname: string }[] }>(
      '/open/v1/invitable-friends',
      { token, query: { limit: LIMITS.pageSizeMax } },
    );
    expect(invitable.status).toBe(200);
    const openids = invitable.body.items
      .filter((item) => names.has(item.nickname))
      .map((item) => item.openid);
    expect(openids).toHaveLength(count);
    return {
      status: 201,
      spend: () => host.post('/open/v1/invites', { token, body: { to: openids.shift() } }),
    } satisfies Spender;
  };

  beforeAll(async () => {
    // Noon UTC: every test's quotas are spent within one UTC day.
    const now = host.clock.now().getTime();
    host.clock.advance(DAY_MS - (now % DAY_MS) + DAY_MS / 2);
    app = await kit.approvedApp({ scopes: SCOPES });
  });

  it('tells a new user everything is left, when each limit resets, and counts itself like any call', async () => {
    const { token } = await kit.newUserWithToken('fresh', app);
    startOfWindow(host, LIMITS.openApiRateWindowSeconds);
    const before = host.clock.now().getTime();
    const response = await host.get<Limits>('/open/v1/limits', { token });
    const after = host.clock.now().getTime();
    expect(response.status).toBe(200);

    const windowMs = LIMITS.openApiRateWindowSeconds * 1000;
    const resetsAt = response.body.rateLimit.token.resetsAt;
    // The window that ends then holds the moment the host answered.
    expect(Date.parse(resetsAt) % windowMs).toBe(0);
    expect(Date.parse(resetsAt) - windowMs).toBeLessThanOrEqual(after);
    expect(Date.parse(resetsAt)).toBeGreaterThan(before);
    const quota = (limit: number): Quota => ({
      limit,
      used: 0,
      remaining: limit,
      resetsAt: nextMidnight(new Date(before)),
    });
    expect(response.body).toEqual({
      rateLimit: {
        windowSeconds: LIMITS.openApiRateWindowSeconds,
        // This is the token's first call: the answer counts it already.
        token: {
          limit: LIMITS.openApiTokenRequestsPerWindow,
          remaining: LIMITS.openApiTokenRequestsPerWindow - 1,
          resetsAt,
        },
        app: {
          limit: LIMITS.openApiAppRequestsPerWindow,
          remaining: rateLimitHeader(response, 'app').r,
          resetsAt,
        },
      },
      quotas: {
        stories: quota(LIMITS.storiesPerUserPerAppPerDay),
        notifications: quota(LIMITS.appNotificationsPerSenderPerAppPerDay),
        gifts: quota(LIMITS.giftsPerSenderPerAppPerDay),
        reminders: quota(LIMITS.remindersPerUserPerAppPerDay),
        invites: quota(LIMITS.appInvitesPerDay),
      },
    });
    expect(rateLimitHeader(response, 'token').r).toBe(LIMITS.openApiTokenRequestsPerWindow - 1);
    expectSecondsUntil(rateLimitHeader(response, 'token').t, resetsAt, before, after);

    // Each call costs one: asking again shows the first call and the second.
    const again = await limits(token);
    expect(again.rateLimit.token.remaining).toBe(LIMITS.openApiTokenRequestsPerWindow - 2);
  });

  it('needs no scope of its own, only a valid token', async () => {
    const user = await factory.newUser('reader');
    const narrow = await kit.token(user, app, ['profile:read']);
    expect((await limits(narrow)).quotas.stories.remaining).toBe(LIMITS.storiesPerUserPerAppPerDay);
    expectProblem(await host.get('/open/v1/limits'), 401, 'unauthenticated');
    expectInvalidToken(await host.get('/open/v1/limits', { token: 'not-a-token' }));
  });

  it('takes exactly one from a quota for each story, notification, gift, reminder and invite (app center or Open API), and nothing for a refusal', async () => {
    const friends = await kit.friendsUsingApp(app);
    const { sender, senderToken: token } = friends;
    const invitee = await factory.newUser('invitee');
    await factory.befriend(sender, invitee);
    const admin = await factory.admin();
    expect(
      (
        await host.post('/admin/moderation/rules', {
          token: admin.token,
          body: { phrase: '荒野赌场', action: 'block' },
        })
      ).status,
    ).toBe(201);

    const fromAppCenter: Spender = {
      status: 200,
      spend: () =>
        host.post(`/app-center/apps/${app.id}/invites`, {
          token: sender.token,
          body: { userIds: [invitee.id] },
        }),
    };
    const spends = [
      ...Object.entries(spendersFor(friends)),
      ['invites', fromAppCenter],
      ['invites', await openApiInvites(friends, 1)],
    ] as [QuotaName, Spender][];
    let last = await limits(token);
    let inviteAnswer: ApiResponse | undefined;
    for (const [name, spender] of spends) {
      const spent = await spender.spend();
      expect({ name, status: spent.status }).toEqual({ name, status: spender.status });
      if (spender === fromAppCenter) inviteAnswer = spent;
      const now = await limits(token);
      expect({ name, left: remainingOf(now) }).toEqual({
        name,
        left: { ...remainingOf(last), [name]: last.quotas[name].remaining - 1 },
      });
      expect(now.quotas[name].used).toBe(last.quotas[name].used + 1);
      last = now;
    }
    // The app center's answer and the limits agreed (the Open API invite took one more since).
    expect(inviteAnswer?.body.remainingToday).toBe(last.quotas.invites.remaining + 1);

    // Refused before anything was posted or sent: a blocked story, a notification to a stranger.
    expectProblem(
      await host.post('/open/v1/feed/stories', { token, body: { text: '来 荒野赌场 玩一把' } }),
      422,
      'content_blocked',
    );
    expectProblem(
      await host.post('/open/v1/notifications', { token, body: { to: 'not-a-friend', text: 'Hi' } }),
      404,
      'not_found',
    );
    expect(remainingOf(await limits(token))).toEqual(remainingOf(last));
  });

  it('says 0 left once a quota is spent, and the next call is refused until the reset it names', async () => {
    const friends = await kit.friendsUsingApp(app);
    const token = friends.senderToken;
    const spenders = {
      ...spendersFor(friends),
      // One friend more than the day allows, so the refused invite is a new one too.
      invites: await openApiInvites(friends, LIMITS.appInvitesPerDay + 1),
    };
    for (const [name, { status, spend }] of Object.entries(spenders) as [QuotaName, Spender][]) {
      // Exactly as many as the answer says are left go through.
      const { remaining, limit } = (await limits(token)).quotas[name];
      expect(remaining).toBe(limit);
      for (let i = 0; i < remaining; i++) {
        expect({ name, status: (await spend()).status }).toEqual({ name, status });
      }
      const spent = (await limits(token)).quotas[name];
      expect({ name, spent }).toEqual({
        name,
        spent: { limit, used: limit, remaining: 0, resetsAt: nextMidnight(host.clock.now()) },
      });

      const before = host.clock.now().getTime();
      const refused = await spend();
      const after = host.clock.now().getTime();
      expectProblem(refused, 429, 'quota_exceeded');
      expectSecondsUntil(Number(refused.headers['retry-after']), spent.resetsAt, before, after);
    }

    // At the reset every quota starts again (with a new token: the old one expired meanwhile).
    host.clock.advance(Date.parse(nextMidnight(host.clock.now())) - host.clock.now().getTime() + 1000);
    const tomorrow = await kit.token(friends.sender, app);
    const renewed = await limits(tomorrow);
    for (const [name, quota] of Object.entries(renewed.quotas)) {
      expect({ name, quota }).toEqual({
        name,
        quota: {
          limit: quota.limit,
          used: 0,
          remaining: quota.limit,
          resetsAt: nextMidnight(host.clock.now()),
        },
      });
    }
    const story = await spendersFor({ ...friends, senderToken: tomorrow }).stories.spend();
    expect(story.status).toBe(201);
  });
});

describe('Open API: limits of the rate limiter (e2e)', () => {
  const rates = { tokenRequestsPerWindow: 3, appRequestsPerWindow: 5, windowSeconds: 60 };
  useOpenApiHost({ openApiRateLimits: rates });

  let app: TestApp;
  let users: TestUser[];

  beforeAll(async () => {
    app = await kit.approvedApp();
    users = [await factory.newUser('first'), await factory.newUser('second')];
  });

  it('counts down with the RateLimit header to 0, and the next call waits for the reset it names', async () => {
    const [first, second] = [await kit.token(users[0], app), await kit.token(users[1], app)];
    startOfWindow(host, rates.windowSeconds);

    const ask = async (token: string) => (await askLimits(host, token)).rateLimit;
    // The RateLimit header of each answer says the same (askLimits checks it).
    const opening = await ask(first);
    expect(opening).toEqual({
      windowSeconds: 60,
      token: { limit: 3, remaining: 2, resetsAt: expect.any(String) },
      app: { limit: 5, remaining: 4, resetsAt: opening.token.resetsAt },
    });

    expect(rateLimitHeader(await host.get('/open/v1/me', { token: first }), 'token').r).toBe(1);
    const spent = await ask(first);
    expect([spent.token.remaining, spent.app?.remaining]).toEqual([0, 2]);

    const before = host.clock.now().getTime();
    const refused = await host.get('/open/v1/limits', { token: first });
    const after = host.clock.now().getTime();
    expectProblem(refused, 429, 'rate_limited');
    expectSecondsUntil(Number(refused.headers['retry-after']), spent.token.resetsAt, before, after);

    // Another user of the app has a token budget of their own, but shares the app's.
    const other = await ask(second);
    expect([other.token.remaining, other.app?.remaining]).toEqual([2, 1]);

    // The next window starts both again.
    host.clock.advance(Date.parse(spent.token.resetsAt) - host.clock.now().getTime() + 10);
    const renewed = await ask(first);
    expect([renewed.token.remaining, renewed.app?.remaining]).toEqual([2, 4]);
    expect(Date.parse(renewed.token.resetsAt)).toBe(
      Date.parse(spent.token.resetsAt) + rates.windowSeconds * 1000,
    );
  });
});
