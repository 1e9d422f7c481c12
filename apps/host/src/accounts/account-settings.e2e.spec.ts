import { randomUUID } from 'node:crypto';
import { LIMITS } from '../common/limits';
import { expectProblem } from '../testing/expect-problem';
import { type TestUser } from '../testing/factory';
import { factory, host, useFileHost } from '../testing/file-host';

/** Stands for the user's real password in table-driven cases (the factory knows it). */
const PASSWORD_PLACEHOLDER = '<the current password>';

describe('accounts (e2e)', () => {
  useFileHost({ bootstrapAdmin: { username: 'root', password: 'root-password' } });

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
});
