import { randomUUID } from 'node:crypto';
import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import { TestFactory, type TestUser } from '../testing/factory';
import { TestHost } from '../testing/test-host';

/** Stands for the user's real password in table-driven cases (the factory knows it). */
const PASSWORD_PLACEHOLDER = '<the current password>';

describe('accounts (e2e)', () => {
  let host: TestHost;
  let factory: TestFactory;

  beforeAll(async () => {
    host = await TestHost.start({ bootstrapAdmin: { username: 'root', password: 'root-password' } });
    factory = new TestFactory(host);
  });
  afterAll(() => host.close());

  it('registers, signs in with the cookie or the bearer token, and signs out', async () => {
    const register = await host.post('/accounts', {
      body: { username: 'Xiaoming', password: 'a long password' },
    });
    expect(register.status).toBe(201);
    expect(register.headers['set-cookie']?.[0]).toMatch(/^kj_session=[^;]+;.*HttpOnly.*SameSite=Lax/);
    expect(register.body.account).toMatchObject({ username: 'Xiaoming', roles: ['user'] });

    const me = await host.get('/account', { token: register.body.token });
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('Xiaoming');

    const login = await host.post('/sessions', {
      body: { username: 'xiaoming', password: 'a long password' },
    });
    expect(login.status).toBe(201);
    const sessions = await host.get('/sessions', { token: login.body.token });
    expect(sessions.body.items).toHaveLength(2);
    expect(sessions.body.items.filter((session: { current: boolean }) => session.current)).toHaveLength(1);

    expect((await host.delete('/sessions/current', { token: login.body.token })).status).toBe(204);
    expect((await host.get('/account', { token: login.body.token })).status).toBe(401);
    expect((await host.get('/account', { token: register.body.token })).status).toBe(200);
  });

  it('accepts the session cookie', async () => {
    const user = await factory.newUser();
    const { default: request } = await import('supertest');
    const response = await request(host.app.getHttpServer())
      .get('/account')
      .set('Cookie', `kj_session=${user.token}`);
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(user.id);
  });

  it('ends another session, and only my own', async () => {
    const user = await factory.newUser();
    const other = await factory.newUser();
    const second = await host.post('/sessions', {
      body: { username: user.username, password: factory.password },
    });
    const otherSessions = await host.get('/sessions', { token: other.token });
    const foreign = await host.delete(`/sessions/${otherSessions.body.items[0].id}`, { token: user.token });
    expect(foreign.status).toBe(404);
    expect((await host.get('/account', { token: other.token })).status).toBe(200);

    const ended = await host.delete(`/sessions/${second.body.session.id}`, { token: user.token });
    expect(ended.status).toBe(204);
    expect((await host.get('/account', { token: second.body.token })).status).toBe(401);
  });

  it('refuses a taken username in any case, and stores nothing', async () => {
    const user = await factory.newUser('taken');
    const before = await host.sql('select count(*)::int as n from user_account');
    const again = await host.post('/accounts', {
      body: { username: user.username.toUpperCase(), password: 'password123' },
    });
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body.code).toBe('username_taken');
    expect(await host.sql('select count(*)::int as n from user_account')).toEqual(before);
  });

  it.each([
    ['missing password', { username: 'someone' }],
    ['short password', { username: 'someone', password: 'short' }],
    ['wrong type', { username: 42, password: 'password123' }],
    ['oversized username', { username: 'x'.repeat(33), password: 'password123' }],
    ['bad characters', { username: 'no spaces', password: 'password123' }],
    ['unknown field', { username: 'someone', password: 'password123', admin: true }],
  ])('refuses registration with %s', async (_case, body) => {
    const before = await host.sql('select count(*)::int as n from user_account');
    const response = await host.post('/accounts', { body });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(await host.sql('select count(*)::int as n from user_account')).toEqual(before);
  });

  it.each([
    ['missing password', { username: 'someone' }],
    ['missing username', { password: 'password123' }],
    ['wrong type', { username: ['a'], password: 'password123' }],
    ['oversized password', { username: 'someone', password: 'p'.repeat(257) }],
    ['unknown field', { username: 'someone', password: 'password123', remember: true }],
  ])('refuses sign-in with %s and opens no session', async (_case, body) => {
    const before = await host.sql('select count(*)::int as n from session');
    const response = await host.post('/sessions', { body });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(await host.sql('select count(*)::int as n from session')).toEqual(before);
  });

  it('refuses malformed JSON, non-JSON bodies and oversized bodies with problems', async () => {
    const { default: request } = await import('supertest');
    const server = host.app.getHttpServer();
    const broken = await request(server)
      .post('/accounts')
      .set('Content-Type', 'application/json')
      .send('{"username":');
    expect(broken.status).toBe(400);
    expect(broken.headers['content-type']).toMatch(/^application\/problem\+json/);
    const text = await request(server).post('/accounts').set('Content-Type', 'text/plain').send('hello');
    expect(text.status).toBe(415);
    const huge = await request(server)
      .post('/accounts')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'x', password: 'y'.repeat(LIMITS.bodyBytes + 1) }));
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('payload_too_large');
  });

  it('throttles repeated failed logins for a username', async () => {
    const user = await factory.newUser();
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await host.post('/sessions', {
        body: { username: user.username, password: 'wrong password' },
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('invalid_credentials');
    }
    const throttled = await host.post('/sessions', {
      body: { username: user.username, password: factory.password },
    });
    expect(throttled.status).toBe(429);
    expect(throttled.body.code).toBe('too_many_attempts');

    host.clock.advance(16 * 60 * 1000);
    const later = await host.post('/sessions', {
      body: { username: user.username, password: factory.password },
    });
    expect(later.status).toBe(201);
  });

  it('does not tell whether a username exists', async () => {
    const response = await host.post('/sessions', {
      body: { username: 'nobody_here', password: 'whatever123' },
    });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('invalid_credentials');
  });

  it('makes the first admin from configuration, and only admins grant roles', async () => {
    const user = await factory.newUser();
    const denied = await host.put(`/admin/users/${user.id}/roles`, {
      token: user.token,
      body: { roles: ['admin'] },
    });
    expect(denied.status).toBe(403);

    const admin = await host.post('/sessions', { body: { username: 'root', password: 'root-password' } });
    expect(admin.body.account.roles).toContain('admin');
    const granted = await host.put(`/admin/users/${user.id}/roles`, {
      token: admin.body.token,
      body: { roles: ['developer'] },
    });
    expect(granted.status).toBe(200);
    expect(granted.body.roles).toEqual(['user', 'developer']);

    const bad = await host.put(`/admin/users/${user.id}/roles`, {
      token: admin.body.token,
      body: { roles: ['king'] },
    });
    expect(bad.status).toBe(400);
    const missing = await host.put('/admin/users/00000000-0000-7000-8000-000000000000/roles', {
      token: admin.body.token,
      body: { roles: [] },
    });
    expect(missing.status).toBe(404);
  });

  it('has no public way to become admin', async () => {
    const response = await host.post('/accounts', {
      body: { username: 'sneaky', password: 'password123', roles: ['admin'] },
    });
    expect(response.status).toBe(400);
  });

  describe('changing the password', () => {
    const NEW_PASSWORD = 'a new long password';
    const change = (user: TestUser, body: object) =>
      host.put('/account/password', { token: user.token, body });
    const signIn = (user: TestUser, password: string) =>
      host.post('/sessions', { body: { username: user.username, password } });
    const storedHash = async (user: TestUser) =>
      (
        await host.sql<{ password_hash: string }>('select password_hash from user_account where id = ?', [
          user.id,
        ])
      )[0].password_hash;

    it('takes the new password, ends my other sessions and keeps this one', async () => {
      const user = await factory.newUser();
      const laptop = await signIn(user, factory.password);
      const phone = await signIn(user, factory.password);
      const other = await factory.newUser();

      expect(
        (await change(user, { currentPassword: factory.password, newPassword: NEW_PASSWORD })).status,
      ).toBe(204);
      expect((await host.get('/account', { token: user.token })).status).toBe(200);
      expectProblem(await host.get('/account', { token: laptop.body.token }), 401, 'unauthenticated');
      expectProblem(await host.get('/account', { token: phone.body.token }), 401, 'unauthenticated');
      expect((await host.get('/sessions', { token: user.token })).body.items).toEqual([
        expect.objectContaining({ current: true }),
      ]);
      // Nobody else is signed out.
      expect((await host.get('/account', { token: other.token })).status).toBe(200);

      expectProblem(await signIn(user, factory.password), 401, 'invalid_credentials');
      expect((await signIn(user, NEW_PASSWORD)).status).toBe(201);
    });

    it('refuses a wrong current password with 422 wrong_password, changing nothing', async () => {
      const user = await factory.newUser();
      const second = await signIn(user, factory.password);
      const before = await storedHash(user);
      expectProblem(
        await change(user, { currentPassword: 'not my password', newPassword: NEW_PASSWORD }),
        422,
        'wrong_password',
      );
      expect(await storedHash(user)).toBe(before);
      expect((await host.get('/account', { token: second.body.token })).status).toBe(200);
      expect((await signIn(user, factory.password)).status).toBe(201);
    });

    it('counts wrong current passwords as failed sign-ins, so they cannot be used to guess', async () => {
      const user = await factory.newUser();
      for (let attempt = 0; attempt < LIMITS.loginFailuresAllowed - 1; attempt++) {
        expectProblem(
          await change(user, { currentPassword: `guess ${attempt}`, newPassword: NEW_PASSWORD }),
          422,
          'wrong_password',
        );
      }
      // The failures add up with failed sign-ins, whichever way they come.
      expectProblem(await signIn(user, 'one more guess'), 401, 'invalid_credentials');
      const before = await storedHash(user);
      expectProblem(
        await change(user, { currentPassword: factory.password, newPassword: NEW_PASSWORD }),
        429,
        'too_many_attempts',
      );
      expectProblem(await signIn(user, factory.password), 429, 'too_many_attempts');
      expect(await storedHash(user)).toBe(before);

      host.clock.advance((LIMITS.loginFailureWindowSeconds + 60) * 1000);
      expect(
        (await change(user, { currentPassword: factory.password, newPassword: NEW_PASSWORD })).status,
      ).toBe(204);
    });

    it.each([
      ['a short new password', { currentPassword: PASSWORD_PLACEHOLDER, newPassword: 'short' }],
      ['an oversized new password', { currentPassword: PASSWORD_PLACEHOLDER, newPassword: 'p'.repeat(257) }],
      ['no new password', { currentPassword: PASSWORD_PLACEHOLDER }],
      ['no current password', { newPassword: 'a new long password' }],
      [
        'a new password that is not a string',
        { currentPassword: PASSWORD_PLACEHOLDER, newPassword: 12345678 },
      ],
      [
        'an oversized current password',
        { currentPassword: 'p'.repeat(257), newPassword: 'a new long password' },
      ],
      [
        'an unknown field',
        { currentPassword: PASSWORD_PLACEHOLDER, newPassword: 'a new long password', all: true },
      ],
    ])('refuses %s with 400, changing nothing', async (_case, body) => {
      const user = await factory.newUser();
      const before = await storedHash(user);
      const filled = Object.fromEntries(
        Object.entries(body).map(([key, value]) => [
          key,
          value === PASSWORD_PLACEHOLDER ? factory.password : value,
        ]),
      );
      expectProblem(await change(user, filled), 400, 'validation_failed');
      expect(await storedHash(user)).toBe(before);
    });

    it('requires signing in', async () => {
      expectProblem(
        await host.put('/account/password', {
          body: { currentPassword: 'whatever123', newPassword: NEW_PASSWORD },
        }),
        401,
        'unauthenticated',
      );
    });
  });

  describe('default audience of new posts', () => {
    const update = (user: TestUser, body: object) =>
      host.patch('/account/settings', { token: user.token, body });
    const stored = async (user: TestUser) =>
      (
        await host.sql<{ default_privacy: string; default_group_ids: string[] }>(
          'select default_privacy, default_group_ids::text[] as default_group_ids from user_account where id = ?',
          [user.id],
        )
      )[0];

    it('is public until I choose, in every account response', async () => {
      const register = await host.post('/accounts', {
        body: { username: `fresh_${randomUUID().slice(0, 8)}`, password: 'a long password' },
      });
      expect(register.body.account).toMatchObject({ defaultPrivacy: 'public', defaultGroupIds: [] });
      const login = await host.post('/sessions', {
        body: { username: register.body.account.username, password: 'a long password' },
      });
      expect(login.body.account).toMatchObject({ defaultPrivacy: 'public', defaultGroupIds: [] });
      expect((await host.get('/account', { token: login.body.token })).body).toMatchObject({
        defaultPrivacy: 'public',
        defaultGroupIds: [],
      });
    });

    it('stores a level, or my own groups with "groups", and returns my account', async () => {
      const user = await factory.newUser();
      const friend = await factory.newUser('friend');
      await factory.befriend(user, friend);
      const family = await factory.newGroup(user, 'family', [friend]);
      const classmates = await factory.newGroup(user, 'classmates');

      const friends = await update(user, { defaultPrivacy: 'friends' });
      expect(friends.status).toBe(200);
      expect(friends.body).toMatchObject({ id: user.id, defaultPrivacy: 'friends', defaultGroupIds: [] });

      const groups = await update(user, {
        defaultPrivacy: 'groups',
        defaultGroupIds: [family.toUpperCase(), classmates, family],
      });
      expect(groups.status).toBe(200);
      expect(groups.body.defaultPrivacy).toBe('groups');
      expect([...groups.body.defaultGroupIds].sort()).toEqual([family, classmates].sort());
      expect((await host.get('/account', { token: user.token })).body).toMatchObject({
        defaultPrivacy: 'groups',
        defaultGroupIds: groups.body.defaultGroupIds,
      });

      const mine = await update(user, { defaultPrivacy: 'private', defaultGroupIds: [] });
      expect(mine.body).toMatchObject({ defaultPrivacy: 'private', defaultGroupIds: [] });
      // Someone else's settings are untouched.
      expect(await stored(friend)).toEqual({ default_privacy: 'public', default_group_ids: [] });
    });

    it('forgets a deleted group, and falls back to private when none is left', async () => {
      const user = await factory.newUser();
      const family = await factory.newGroup(user, 'family');
      const classmates = await factory.newGroup(user, 'classmates');
      await update(user, { defaultPrivacy: 'groups', defaultGroupIds: [family, classmates] });

      expect((await host.delete(`/friend-groups/${family}`, { token: user.token })).status).toBe(204);
      expect((await host.get('/account', { token: user.token })).body).toMatchObject({
        defaultPrivacy: 'groups',
        defaultGroupIds: [classmates],
      });
      expect((await host.delete(`/friend-groups/${classmates}`, { token: user.token })).status).toBe(204);
      expect((await host.get('/account', { token: user.token })).body).toMatchObject({
        defaultPrivacy: 'private',
        defaultGroupIds: [],
      });
    });

    it('refuses groups that break the audience rule with 400 unknown_group, changing nothing', async () => {
      const user = await factory.newUser();
      const other = await factory.newUser('other');
      const mine = await factory.newGroup(user, 'mine');
      const theirs = await factory.newGroup(other, 'theirs');
      await update(user, { defaultPrivacy: 'friends' });
      const before = await stored(user);
      for (const body of [
        { defaultPrivacy: 'groups' },
        { defaultPrivacy: 'groups', defaultGroupIds: [] },
        { defaultPrivacy: 'groups', defaultGroupIds: [theirs] },
        { defaultPrivacy: 'groups', defaultGroupIds: [mine, theirs] },
        { defaultPrivacy: 'groups', defaultGroupIds: [randomUUID()] },
        { defaultPrivacy: 'public', defaultGroupIds: [mine] },
        { defaultPrivacy: 'friends', defaultGroupIds: [mine] },
      ]) {
        expectProblem(await update(user, body), 400, 'unknown_group');
      }
      expect(await stored(user)).toEqual(before);
    });

    it.each([
      ['no level', {}],
      ['an unknown level', { defaultPrivacy: 'everyone' }],
      ['a null level', { defaultPrivacy: null }],
      ['group ids that are not ids', { defaultPrivacy: 'groups', defaultGroupIds: ['family'] }],
      ['group ids that are not a list', { defaultPrivacy: 'groups', defaultGroupIds: randomUUID() }],
      [
        'more groups than an audience takes',
        {
          defaultPrivacy: 'groups',
          defaultGroupIds: Array.from({ length: LIMITS.audienceGroupsMax + 1 }, () => randomUUID()),
        },
      ],
      ['an unknown field', { defaultPrivacy: 'public', privacy: 'public' }],
    ])('refuses %s with 400 validation_failed', async (_case, body) => {
      const user = await factory.newUser();
      const before = await stored(user);
      expectProblem(await update(user, body), 400, 'validation_failed');
      expect(await stored(user)).toEqual(before);
    });

    it('requires signing in', async () => {
      expectProblem(
        await host.patch('/account/settings', { body: { defaultPrivacy: 'public' } }),
        401,
        'unauthenticated',
      );
    });
  });

  it('reports health with the database mode and migrations', async () => {
    const response = await host.get('/health');
    expect(response.status).toBe(200);
    expect(response.body.database.mode).toBe(process.env.DATABASE_URL ? 'postgresql' : 'pglite');
    expect(response.body.database.migrations.upToDate).toBe(true);
  });
});
