import { type TestUser } from '../testing/factory';
import { ACTIVITY_RULES, activityLevel, LEVEL_THRESHOLDS } from './economy.rules';
import { factory, host, useFileHost } from '../testing/file-host';

const DAY_MS = 86_400_000;

describe('levels from activity (e2e)', () => {
  useFileHost();

  beforeAll(async () => {
    // Start at the next UTC noon, so no test straddles a day boundary by accident.
    const now = host.clock.now().getTime();
    host.clock.advance(Math.floor(now / DAY_MS) * DAY_MS + DAY_MS + DAY_MS / 2 - now);
  });

  async function today(user: TestUser): Promise<Record<string, number>> {
    const response = await host.get('/level', { token: user.token });
    expect(response.status).toBe(200);
    return Object.fromEntries(
      response.body.today.map((entry: { activity: string; points: number }) => [
        entry.activity,
        entry.points,
      ]),
    );
  }

  async function points(user: TestUser): Promise<number> {
    return (await host.get('/level', { token: user.token })).body.points as number;
  }

  const login = (user: TestUser) =>
    host.post('/sessions', { body: { username: user.username, password: factory.password } });

  it('counts a daily login once a day, and again the next day', async () => {
    const user = await factory.newUser('daily');
    // Registering signs in.
    expect((await today(user)).login).toBe(ACTIVITY_RULES.login.points);
    expect((await login(user)).status).toBe(201);
    expect((await login(user)).status).toBe(201);
    expect(await points(user)).toBe(ACTIVITY_RULES.login.points);
    host.clock.advance(DAY_MS);
    expect((await login(user)).status).toBe(201);
    expect(await points(user)).toBe(2 * ACTIVITY_RULES.login.points);
    expect((await today(user)).login).toBe(ACTIVITY_RULES.login.points);
  });

  it('turns moods, blogs, comments received and visitors into points and a level shown on the space', async () => {
    const author = await factory.newUser('author');
    const fan = await factory.newUser('fan');
    const start = await points(author);
    const space = await host.get(`/spaces/${author.id}`);
    expect(space.body.level).toEqual({ level: activityLevel(start), points: start });

    const moodId = await factory.newMood(author);
    const blog = await host.post('/blogs', {
      token: author.token,
      body: { title: '游记', body: '<p>hello</p>', privacy: 'public' },
    });
    expect(blog.status).toBe(201);
    expect(
      (await host.post(`/posts/${moodId}/comments`, { token: fan.token, body: { body: '赞' } })).status,
    ).toBe(201);
    // Commenting on my own post earns nothing.
    expect(
      (await host.post(`/posts/${moodId}/comments`, { token: author.token, body: { body: '谢谢' } })).status,
    ).toBe(201);
    // A visitor counts once a day, however often they look.
    for (let visit = 0; visit < 3; visit++) {
      expect((await host.get(`/spaces/${author.id}`, { token: fan.token })).status).toBe(200);
    }
    // The owner looking at their own space is no visitor.
    await host.get(`/spaces/${author.id}`, { token: author.token });

    expect(await today(author)).toMatchObject({
      mood: ACTIVITY_RULES.mood.points,
      blog: ACTIVITY_RULES.blog.points,
      comment_received: ACTIVITY_RULES.comment_received.points,
      visitor: ACTIVITY_RULES.visitor.points,
    });
    const total =
      start +
      ACTIVITY_RULES.mood.points +
      ACTIVITY_RULES.blog.points +
      ACTIVITY_RULES.comment_received.points +
      ACTIVITY_RULES.visitor.points;
    const level = await host.get('/level', { token: author.token });
    expect(level.body).toMatchObject({ points: total, level: activityLevel(total) });
    expect(level.body.level).toBeGreaterThan(1);
    expect(level.body.nextLevelPoints).toBe(LEVEL_THRESHOLDS.find((entry) => entry.points > total)?.points);
    expect((await host.get(`/spaces/${author.id}`)).body.level).toEqual({
      level: activityLevel(total),
      points: total,
    });
  });

  it('respects the daily cap per activity, even for concurrent activity', async () => {
    const user = await factory.newUser('busy');
    const moods = Math.ceil(ACTIVITY_RULES.mood.dailyCap / ACTIVITY_RULES.mood.points) * 3;
    await Promise.all(Array.from({ length: moods }, () => factory.newMood(user)));
    expect((await today(user)).mood).toBe(ACTIVITY_RULES.mood.dailyCap);

    const visitors = await Promise.all(
      Array.from({ length: ACTIVITY_RULES.visitor.dailyCap + 3 }, () => factory.newUser('visitor')),
    );
    await Promise.all(visitors.map((visitor) => host.get(`/spaces/${user.id}`, { token: visitor.token })));
    expect((await today(user)).visitor).toBe(ACTIVITY_RULES.visitor.dailyCap);

    host.clock.advance(DAY_MS);
    await factory.newMood(user);
    expect((await today(user)).mood).toBe(ACTIVITY_RULES.mood.points);
    const [{ total }] = await host.sql<{ total: number }>(
      `select sum(points)::int as total from activity_points where user_id = ? and activity = 'mood'`,
      [user.id],
    );
    expect(total).toBe(ACTIVITY_RULES.mood.dailyCap + ACTIVITY_RULES.mood.points);
  });

  it('never fails the activity when points cannot be recorded', async () => {
    const user = await factory.newUser('resilient');
    await host.sql('alter table activity_points rename to activity_points_away');
    try {
      const mood = await host.post('/moods', {
        token: user.token,
        body: { text: 'still here', privacy: 'public' },
      });
      expect(mood.status).toBe(201);
    } finally {
      await host.sql('alter table activity_points_away rename to activity_points');
    }
    expect((await today(user)).mood).toBe(0);
  });

  it('keeps the rules in one table with rising thresholds', () => {
    for (const rule of Object.values(ACTIVITY_RULES)) {
      expect(rule.points).toBeGreaterThan(0);
      expect(rule.dailyCap).toBeGreaterThanOrEqual(rule.points);
    }
    expect(LEVEL_THRESHOLDS[0]).toEqual({ level: 1, points: 0 });
    for (let index = 1; index < LEVEL_THRESHOLDS.length; index++) {
      expect(LEVEL_THRESHOLDS[index].points).toBeGreaterThan(LEVEL_THRESHOLDS[index - 1].points);
    }
  });
});
