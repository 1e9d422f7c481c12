import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import { type TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';

const MISSING = '00000000-0000-7000-8000-000000000000';

interface AdminUser {
  id: string;
  username: string;
  nickname: string;
  roles: string[];
  suspension: { suspendedAt: string; reason: string; suspendedBy: { id: string } | null } | null;
}

describe('admin user management (e2e)', () => {
  useFileHost();

  let admin: TestUser;

  beforeAll(async () => {
    admin = await factory.admin();
  });

  const signIn = (user: TestUser) =>
    host.post('/sessions', { body: { username: user.username, password: factory.password } });
  const auditOf = async (userId: string) =>
    (
      await host.get('/admin/audit-log', {
        token: admin.token,
        query: { subjectType: 'user', subjectId: userId },
      })
    ).body.items;
  /** What an admin action may change: the accounts, the sessions and the audit log. */
  const state = async () => ({
    accounts: await host.sql(
      'select id, roles, suspended_at, suspended_by, suspension_reason from user_account order by id',
    ),
    sessions: await host.sql('select id from session order by id'),
    audit: await host.sql('select id from audit_entry order by id'),
  });
  /** As `actor` (the admin unless given; null: signed out). */
  const suspend = (userId: string, body: object = { reason: 'Spam' }, actor: TestUser | null = admin) =>
    host.post(`/admin/users/${userId}/suspend`, { token: actor?.token, body });
  const unsuspend = (userId: string, body: object = {}, actor: TestUser | null = admin) =>
    host.post(`/admin/users/${userId}/unsuspend`, { token: actor?.token, body });

  describe('finding users', () => {
    let ming: TestUser;
    let hong: TestUser;

    beforeAll(async () => {
      ming = await factory.newUser('findme_ming');
      hong = await factory.newUser('findme_hong');
      const profile = await host.patch('/space/profile', {
        token: hong.token,
        body: { nickname: 'Findme Red' },
      });
      expect(profile.status).toBe(200);
    });

    it('lists every account newest first, with roles and standing, in pages that join up', async () => {
      const seen: AdminUser[] = [];
      let cursor: string | undefined;
      do {
        const page = await host.get('/admin/users', { token: admin.token, query: { limit: 2, cursor } });
        expect(page.status).toBe(200);
        seen.push(...page.body.items);
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen.map((user) => user.id).slice(0, 3)).toEqual([hong.id, ming.id, admin.id]);
      expect(seen.find((user) => user.id === admin.id)).toMatchObject({
        username: admin.username,
        roles: ['user', 'admin'],
        suspension: null,
      });
    });

    it('searches usernames and nicknames, best matches first, suspended accounts too', async () => {
      expect((await suspend(ming.id)).status).toBe(200);
      const found = await host.get('/admin/users', { token: admin.token, query: { q: ' FINDME ' } });
      expect(found.status).toBe(200);
      expect(found.body.items.map((user: AdminUser) => user.id).sort()).toEqual([ming.id, hong.id].sort());
      expect(found.body.items.find((user: AdminUser) => user.id === ming.id).suspension).toMatchObject({
        reason: 'Spam',
        suspendedBy: { id: admin.id },
      });
      const byNickname = await host.get('/admin/users', { token: admin.token, query: { q: 'findme red' } });
      expect(byNickname.body.items).toMatchObject([{ id: hong.id, nickname: 'Findme Red' }]);
      const paged = await host.get('/admin/users', { token: admin.token, query: { q: 'findme', limit: 1 } });
      const next = await host.get('/admin/users', {
        token: admin.token,
        query: { q: 'findme', limit: 1, cursor: paged.body.nextCursor },
      });
      expect([...paged.body.items, ...next.body.items].map((user: AdminUser) => user.id).sort()).toEqual(
        [ming.id, hong.id].sort(),
      );
      expect(next.body.nextCursor).toBeNull();
      // People search, by contrast, no longer finds the suspended account.
      const people = await host.get('/users', { token: hong.token, query: { q: 'findme' } });
      expect(people.body.items.map((person: { id: string }) => person.id)).toEqual([hong.id]);
      expect((await unsuspend(ming.id)).status).toBe(200);
    });

    it('shows one account, and 404 for an unknown one', async () => {
      const one = await host.get(`/admin/users/${hong.id}`, { token: admin.token });
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({
        id: hong.id,
        username: hong.username,
        roles: ['user'],
        suspension: null,
      });
      expectProblem(await host.get(`/admin/users/${MISSING}`, { token: admin.token }), 404, 'not_found');
    });

    it('refuses bad queries with a 400', async () => {
      for (const query of [
        { q: '   ' },
        { q: 'x'.repeat(LIMITS.peopleSearchQueryMax + 1) },
        { limit: LIMITS.pageSizeMax + 1 },
        { suspended: 'yes' },
      ]) {
        expectProblem(
          await host.get('/admin/users', { token: admin.token, query }),
          400,
          'validation_failed',
        );
      }
      expectProblem(
        await host.get('/admin/users', { token: admin.token, query: { cursor: 'nonsense' } }),
        400,
        'invalid_cursor',
      );
    });
  });

  describe('roles', () => {
    it('sets roles, always keeping the user role, and records who changed what', async () => {
      const user = await factory.newUser();
      const set = await host.put(`/admin/users/${user.id}/roles`, {
        token: admin.token,
        body: { roles: ['developer', 'developer'] },
      });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ id: user.id, roles: ['user', 'developer'] });
      expect(await auditOf(user.id)).toMatchObject([
        {
          actorId: admin.id,
          action: 'user.roles_set',
          details: { roles: ['user', 'developer'], previousRoles: ['user'] },
        },
      ]);
    });

    it('will not let an admin remove their own admin role, but another admin can', async () => {
      const other = await factory.newUser('admin2');
      expect(
        (await host.put(`/admin/users/${other.id}/roles`, { token: admin.token, body: { roles: ['admin'] } }))
          .status,
      ).toBe(200);
      const before = await state();
      const own = await host.put(`/admin/users/${other.id}/roles`, {
        token: other.token,
        body: { roles: ['developer'] },
      });
      expectProblem(own, 400, 'cannot_remove_own_admin');
      expect(own.body.detail).toContain('another admin');
      expect(await state()).toEqual(before);
      const byOther = await host.put(`/admin/users/${other.id}/roles`, {
        token: admin.token,
        body: { roles: [] },
      });
      expect(byOther.body.roles).toEqual(['user']);
    });

    it("refuses unknown roles and users, and the platform's account, changing nothing", async () => {
      const user = await factory.newUser();
      const platformId = await factory.platformAccount();
      const before = await state();
      for (const body of [{ roles: ['king'] }, { roles: 'admin' }, {}, { roles: [], extra: true }]) {
        expectProblem(
          await host.put(`/admin/users/${user.id}/roles`, { token: admin.token, body }),
          400,
          'validation_failed',
        );
      }
      expectProblem(
        await host.put(`/admin/users/${MISSING}/roles`, { token: admin.token, body: { roles: [] } }),
        404,
        'not_found',
      );
      const platform = await host.put(`/admin/users/${platformId}/roles`, {
        token: admin.token,
        body: { roles: ['admin'] },
      });
      expectProblem(platform, 409, 'platform_account');
      expect(platform.body.detail).toContain('its roles cannot be changed');
      expect(await state()).toEqual(before);
    });
  });

  describe('suspension', () => {
    it('ends every session at once, refuses sign-in with a clear problem, and lifting it lets them back', async () => {
      const user = await factory.newUser();
      const second = await signIn(user);
      expect(second.status).toBe(201);

      const suspended = await suspend(user.id, { reason: '  Sends spam to strangers  ' });
      expect(suspended.status).toBe(200);
      expect(suspended.body.suspension).toMatchObject({
        reason: 'Sends spam to strangers',
        suspendedAt: expect.any(String),
        suspendedBy: { id: admin.id, username: admin.username },
      });
      for (const token of [user.token, second.body.token]) {
        expectProblem(await host.get('/account', { token }), 401, 'unauthenticated');
      }
      expect(await host.sql('select id from session where user_id = ?', [user.id])).toEqual([]);
      const refused = await signIn(user);
      expectProblem(refused, 403, 'account_suspended');
      expect(refused.headers['set-cookie']).toBeUndefined();
      // A wrong password is still just a wrong password: suspension is not told to someone guessing.
      expectProblem(
        await host.post('/sessions', { body: { username: user.username, password: 'not the password' } }),
        401,
        'invalid_credentials',
      );

      const lifted = await unsuspend(user.id, { reason: 'Appeal accepted' });
      expect(lifted.status).toBe(200);
      expect(lifted.body.suspension).toBeNull();
      const back = await signIn(user);
      expect(back.status).toBe(201);
      expect((await host.get('/account', { token: back.body.token })).status).toBe(200);

      expect(await auditOf(user.id)).toMatchObject([
        {
          action: 'user.unsuspend',
          reason: 'Appeal accepted',
          details: { suspendedAt: suspended.body.suspension.suspendedAt },
        },
        { actorId: admin.id, action: 'user.suspend', reason: 'Sends spam to strangers', details: {} },
      ]);
    });

    it("refuses a missing, blank or too long reason, an unknown user, the admin themselves and the platform's account", async () => {
      const user = await factory.newUser();
      const platformId = await factory.platformAccount();
      const before = await state();
      for (const body of [
        {},
        { reason: '' },
        { reason: 42 },
        { reason: 'x'.repeat(LIMITS.suspensionReasonMax + 1) },
        { reason: 'Spam', until: 'forever' },
      ]) {
        expectProblem(await suspend(user.id, body), 400, 'validation_failed');
      }
      expectProblem(await suspend(user.id, { reason: ' \n ' }), 400, 'validation_failed');
      expectProblem(await suspend(MISSING), 404, 'not_found');
      const self = await suspend(admin.id);
      expectProblem(self, 409, 'cannot_target_self');
      expect(self.body.detail).toContain('your own account');
      const platform = await suspend(platformId);
      expectProblem(platform, 409, 'platform_account');
      expect(platform.body.detail).toContain('built-in apps');
      expectProblem(await unsuspend(user.id), 409, 'not_suspended');
      expectProblem(await unsuspend(MISSING), 404, 'not_found');
      expectProblem(
        await unsuspend(user.id, { reason: 'x'.repeat(LIMITS.suspensionReasonMax + 1) }),
        400,
        'validation_failed',
      );
      expect(await state()).toEqual(before);
      expect((await host.get('/account', { token: user.token })).status).toBe(200);
    });

    it('refuses to suspend twice, keeping the first suspension', async () => {
      const user = await factory.newUser();
      expect((await suspend(user.id, { reason: 'First' })).status).toBe(200);
      const before = await state();
      expectProblem(await suspend(user.id, { reason: 'Second' }), 409, 'already_suspended');
      expect(await state()).toEqual(before);
      const shown = await host.get(`/admin/users/${user.id}`, { token: admin.token });
      expect(shown.body.suspension.reason).toBe('First');
    });
  });

  it('is for admins only: 403 for everyone else, 401 signed out, and nothing changes', async () => {
    const user = await factory.newUser();
    const developer = await factory.newUser('dev');
    await host.put(`/admin/users/${developer.id}/roles`, {
      token: admin.token,
      body: { roles: ['developer'] },
    });
    const before = await state();
    for (const actor of [user, developer, null]) {
      const token = actor?.token;
      const responses = [
        await host.get('/admin/users', { token }),
        await host.get(`/admin/users/${user.id}`, { token }),
        await host.put(`/admin/users/${user.id}/roles`, { token, body: { roles: ['admin'] } }),
        await suspend(admin.id, { reason: 'Mutiny' }, actor),
        await unsuspend(user.id, {}, actor),
        await host.get('/admin/audit-log', { token }),
      ];
      for (const response of responses) {
        if (token) expectProblem(response, 403, 'forbidden');
        else expectProblem(response, 401, 'unauthenticated');
      }
    }
    expect(await state()).toEqual(before);
  });
});
