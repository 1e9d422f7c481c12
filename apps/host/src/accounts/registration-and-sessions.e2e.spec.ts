import { LIMITS } from '../common/limits';
import { factory, host, useFileHost } from '../testing/file-host';

describe('accounts (e2e)', () => {
  useFileHost({ bootstrapAdmin: { username: 'root', password: 'root-password' } });

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

  it('reports health with the database mode and migrations', async () => {
    const response = await host.get('/health');
    expect(response.status).toBe(200);
    expect(response.body.database.mode).toBe(process.env.DATABASE_URL ? 'postgresql' : 'pglite');
    expect(response.body.database.migrations.upToDate).toBe(true);
  });
});
