import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import { UNLIMITED_RATES } from './open-api.testing';
import { app, factory, host, kit, token, useAppUserHost, user } from './open-api.e2e-setup';

const HOUR_MS = 60 * 60 * 1000;

describe('Open API: reminders (e2e)', () => {
  useAppUserHost('pollster', { openApiRateLimits: UNLIMITED_RATES });

  const remind = (body: object, as = token) => host.post('/open/v1/reminders', { token: as, body });
  const inHours = (hours: number) => new Date(host.clock.now().getTime() + hours * HOUR_MS).toISOString();
  const reminderEvents = () =>
    host.sql<{
      user_id: string;
      data: { reminderId: string; user: string; data: unknown };
      due_ms: number;
    }>(
      "select user_id, data, (extract(epoch from next_attempt_at) * 1000)::float8 as due_ms from app_event where app_id = ? and type = 'app.reminder' order by created_at, id",
      [app.id],
    );

  it('puts an app.reminder event in the outbox, due at the chosen time', async () => {
    const at = inHours(48);
    const created = await remind({ at, data: { pollId: 'p-1', action: 'close' } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), at });
    const [event] = await reminderEvents();
    expect(event).toEqual({
      user_id: user.id,
      data: {
        reminderId: created.body.id,
        user: await kit.openid(token),
        data: { pollId: 'p-1', action: 'close' },
      },
      due_ms: Date.parse(at),
    });
  });

  it.each([
    ['a time in the past', () => ({ at: inHours(-1), data: 1 })],
    ['a time too far ahead', () => ({ at: inHours(LIMITS.reminderMaxDaysAhead * 24 + 1), data: 1 })],
    ['no time', () => ({ data: 1 })],
    ['a time that is not one', () => ({ at: 'tomorrow', data: 1 })],
    ['no data', () => ({ at: inHours(1) })],
    ['an unknown field', () => ({ at: inHours(1), data: 1, repeat: true })],
  ])('refuses a reminder with %s, setting nothing', async (_case, body) => {
    const before = await reminderEvents();
    expectProblem(await remind(body()), 400, 'validation_failed');
    expect(await reminderEvents()).toEqual(before);
  });

  it('refuses data over the size limit', async () => {
    expectProblem(
      await remind({ at: inHours(1), data: 'x'.repeat(LIMITS.reminderDataBytes) }),
      413,
      'payload_too_large',
    );
  });

  it('keeps the daily quota per user and app, also under concurrent requests', async () => {
    const busy = await factory.newUser('busy');
    const busyToken = await kit.token(busy, app);
    for (let i = 0; i < LIMITS.remindersPerUserPerAppPerDay - 2; i++) {
      expect((await remind({ at: inHours(1), data: i }, busyToken)).status).toBe(201);
    }
    const racing = await Promise.all(
      Array.from({ length: 5 }, (_, i) => remind({ at: inHours(1), data: `race${i}` }, busyToken)),
    );
    expect(racing.map((answer) => answer.status).sort()).toEqual([201, 201, 429, 429, 429]);
    expectProblem(
      racing.find((answer) => answer.status === 429)!,
      429,
      'quota_exceeded',
    );
    // Another user of the same app has a quota of their own.
    expect((await remind({ at: inHours(1), data: 'mine' })).status).toBe(201);
  });

  it('refuses a reminder to an app whose manifest does not list app.reminder, and uses none of its quota', async () => {
    const deaf = await kit.approvedApp({ events: ['order.paid'] });
    const deafToken = await kit.token(user, deaf);
    const refused = await remind({ at: inHours(1), data: 1 }, deafToken);
    expectProblem(refused, 409, 'event_not_listed');
    expect(refused.body.detail).toContain('app.reminder');
    expect(await host.sql('select 1 from app_event where app_id = ?', [deaf.id])).toEqual([]);
  });

  it('needs the storage scope', async () => {
    const narrow = await kit.token(await factory.newUser('narrow'), app, ['profile:read']);
    expectProblem(await remind({ at: inHours(1), data: 1 }, narrow), 403, 'insufficient_scope');
  });
});
