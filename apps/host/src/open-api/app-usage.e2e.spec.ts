import { LIMITS } from '../common/limits';
import { DatabaseService } from '../database/database.module';
import { expectProblem } from '../testing/expect-problem';
import type { TestApp, TestUser } from '../testing/factory';
import { OpenApiUsage } from './open-api-usage';
import { factory, host, kit, useOpenApiHost } from './open-api.e2e-setup';

const DAY_MS = 24 * 60 * 60 * 1000;

describe("a developer's view of their app's Open API usage (e2e)", () => {
  const limits = { tokenRequestsPerWindow: 4, appRequestsPerWindow: 6, windowSeconds: 60 };
  useOpenApiHost({ openApiRateLimits: limits });

  /** Adds what this host counted to the database now, as the periodic flush would. */
  const flush = () => host.app.get(DatabaseService).withContext(() => host.app.get(OpenApiUsage).flush());
  const usageOf = (app: TestApp, query: Record<string, string | number> = {}, as: TestUser = app.developer) =>
    host.get(`/developer/apps/${app.id}/usage`, { token: as.token, query });
  /**
   * Flushes until the app's calls of the last `days` days add up to `calls`: a call is counted when its
   * response has finished on the host's side, which can come after the client has read the answer.
   */
  const flushUntilCounted = async (app: TestApp, calls: number, days: number): Promise<void> => {
    const deadline = Date.now() + 5000;
    for (;;) {
      await flush();
      const counted = (await usageOf(app, { days })).body.totals.calls;
      if (counted >= calls || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  /** Moves the test clock to the start of a window, so a test's requests all fall in one window. */
  const startOfWindow = () => {
    const windowMs = limits.windowSeconds * 1000;
    host.clock.advance(windowMs - (host.clock.now().getTime() % windowMs) + 10);
  };

  it('counts calls per day and operation with their 4xx and 429 answers, and shows what is left of the budget', async () => {
    const app = await kit.approvedApp();
    const user = await factory.newUser('caller');
    const token = await kit.token(user, app);
    const narrow = await kit.token(await factory.newUser('narrow'), app, ['profile:read']);
    startOfWindow();

    for (let i = 0; i < 3; i++) expect((await host.get('/open/v1/me', { token })).status).toBe(200);
    expectProblem(await host.get('/open/v1/friends/nobody', { token }), 404, 'not_found');
    expectProblem(await host.get('/open/v1/friends', { token: narrow }), 403, 'insufficient_scope');
    // The token's budget (4) is spent: the fifth call is throttled, and counts as throttled.
    expectProblem(await host.get('/open/v1/me', { token }), 429, 'rate_limited');
    // Calls without a valid token belong to no app.
    expect((await host.get('/open/v1/me', { token: 'not-a-token' })).status).toBe(401);
    await flushUntilCounted(app, 6, LIMITS.openApiUsageDaysDefault);

    const usage = await usageOf(app);
    expect(usage.status).toBe(200);
    const today = host.clock.now().toISOString().slice(0, 10);
    expect(usage.body).toEqual({
      from: new Date(host.clock.now().getTime() - (LIMITS.openApiUsageDaysDefault - 1) * DAY_MS)
        .toISOString()
        .slice(0, 10),
      to: today,
      items: [
        { day: today, operation: 'getAppFriend', calls: 1, clientErrors: 1, rateLimited: 0, serverErrors: 0 },
        { day: today, operation: 'getMe', calls: 4, clientErrors: 0, rateLimited: 1, serverErrors: 0 },
        {
          day: today,
          operation: 'listAppFriends',
          calls: 1,
          clientErrors: 1,
          rateLimited: 0,
          serverErrors: 0,
        },
      ],
      totals: { calls: 6, clientErrors: 2, rateLimited: 1, serverErrors: 0 },
      rateLimit: {
        windowSeconds: 60,
        tokenRequestsPerWindow: 4,
        appRequestsPerWindow: 6,
        // Two tokens made five admitted calls this window (the throttled one used nothing).
        appRequestsLeft: 1,
        resetSeconds: expect.any(Number),
      },
    });
    expect(usage.body.rateLimit.resetSeconds).toBeGreaterThan(0);
    expect(usage.body.rateLimit.resetSeconds).toBeLessThanOrEqual(60);
  });

  it('adds up flushes, shows the days asked for, and forgets days nobody may ask for any more', async () => {
    const app = await kit.approvedApp();
    const user = await factory.newUser('daily');
    // A fresh token each time: days pass between the calls, and access tokens live an hour.
    const call = async () => {
      const token = await kit.token(user, app);
      startOfWindow();
      expect((await host.get('/open/v1/me', { token })).status).toBe(200);
    };
    await call();
    await flushUntilCounted(app, 1, 3);
    await call();
    await flushUntilCounted(app, 2, 3);
    const firstDay = host.clock.now().toISOString().slice(0, 10);
    host.clock.advance(2 * DAY_MS);
    await call();
    await flushUntilCounted(app, 3, 3);

    const calls = (body: { items: { day: string; calls: number }[] }) =>
      body.items.map((item) => [item.day, item.calls]);
    const today = host.clock.now().toISOString().slice(0, 10);
    expect(calls((await usageOf(app, { days: 1 })).body)).toEqual([[today, 1]]);
    expect(calls((await usageOf(app, { days: 3 })).body)).toEqual([
      [today, 1],
      [firstDay, 2],
    ]);

    host.clock.advance(LIMITS.openApiUsageDaysMax * DAY_MS);
    await flush();
    expect(await host.sql('select day from open_api_usage where app_id = ? order by day', [app.id])).toEqual(
      [],
    );
  });

  it('is the app owner’s only; others get 404 like an unknown app, non-developers 403, bad queries 400', async () => {
    const app = await factory.newApp();
    const stranger = await factory.newApp();
    const plain = await factory.newUser('plain');
    expectProblem(await usageOf(app, {}, stranger.developer), 404, 'not_found');
    expectProblem(
      await host.get('/developer/apps/01890000-0000-7000-8000-000000000000/usage', {
        token: app.developer.token,
      }),
      404,
      'not_found',
    );
    expectProblem(await usageOf(app, {}, plain), 403, 'forbidden');
    expectProblem(await host.get(`/developer/apps/${app.id}/usage`), 401, 'unauthenticated');
    for (const query of [
      { days: 0 },
      { days: LIMITS.openApiUsageDaysMax + 1 },
      { days: 'week' },
      { days: 1.5 },
      { cursor: 'x' },
    ] as Record<string, string | number>[]) {
      expectProblem(await usageOf(app, query), 400, 'validation_failed');
    }

    // The same holds for the app's orders.
    expectProblem(
      await host.get(`/developer/apps/${app.id}/orders`, { token: stranger.developer.token }),
      404,
      'not_found',
    );
    expectProblem(
      await host.get(`/developer/apps/${app.id}/orders`, { token: plain.token }),
      403,
      'forbidden',
    );
  });
});
